import { Link } from 'react-router'
import { SUPPLEMENT_FILES } from '#services/cases/supplement-files.ts'
import { translate, useLocale } from '#app/i18n.ts'
import { ErrorSummary } from './error-summary.tsx'

export type TextAndFilesTexts = { text: string; textHint: string; files: string; filesHint: string; chooseAgain: string; error: string }

/**
 * A text and optional files, as the citizen writes them on Mina sidor (a supplement answer, a message):
 * errors beside each field, the error summary's anchors `<idPrefix>-text` and `<idPrefix>-files`. A browser
 * cannot keep chosen files across a failed post, so the hint then asks for them again.
 */
export function TextAndFilesFields({ idPrefix, name, tx, errors, defaultText, hadFiles }: {
  idPrefix: string; name: string; tx: TextAndFilesTexts; errors: { text?: string; files?: string }; defaultText: string; hadFiles: boolean
}) {
  const text = `${idPrefix}-text`
  const files = `${idPrefix}-files`
  const described = (id: string, error?: string) => (error ? `${id}-hint ${id}-error` : `${id}-hint`)
  return (
    <>
      <div className={`field${errors.text ? ' field--error' : ''}`}>
        <label className="label" htmlFor={text}>{tx.text}</label>
        <div id={`${text}-hint`} className="hint">{tx.textHint}</div>
        {errors.text && <p id={`${text}-error`} className="error-message"><span className="visually-hidden">{tx.error}</span>{errors.text}</p>}
        <textarea id={text} name={name} className="textarea" rows={6} defaultValue={defaultText}
          aria-describedby={described(text, errors.text)} aria-invalid={errors.text ? true : undefined} />
      </div>
      <div className={`field${errors.files ? ' field--error' : ''}`}>
        <label className="label" htmlFor={files}>{tx.files}</label>
        <div id={`${files}-hint`} className="hint">{tx.filesHint}{hadFiles ? ` ${tx.chooseAgain}` : ''}</div>
        {errors.files && <p id={`${files}-error`} className="error-message"><span className="visually-hidden">{tx.error}</span>{errors.files}</p>}
        <input id={files} name="files" type="file" multiple className="file-input" accept={SUPPLEMENT_FILES.accept.join(',')}
          aria-describedby={described(files, errors.files)} aria-invalid={errors.files ? true : undefined} />
      </div>
    </>
  )
}

/** Whether a failed post carried files (they are gone from the form afterwards). */
export const postedFiles = (form: FormData): File[] => form.getAll('files').filter((f): f is File => typeof f !== 'string')

/**
 * What a refused post of text and files answers with: what was typed, the errors, and whether files were chosen;
 * `formError: 'db'` when the database was away and nothing could be sent (the page then says so).
 */
export type TextAndFilesData = {
  text: string; errors: { text?: string; files?: string }; hadFiles: boolean; formError?: 'db'
}

/**
 * The frame of a Mina sidor page where the citizen writes about their case: the title (marked when there are
 * errors), the way back, the error summary pointing at TextAndFilesFields' fields, and the heading.
 */
export function CitizenWritePage({ heading, caption, back, idPrefix, errors, errorWord, formError, children }: {
  heading: string; caption: string | null; back: { href: string; text: string }; idPrefix: string
  errors: TextAndFilesData['errors']; errorWord: string; formError?: 'db'; children: React.ReactNode
}) {
  const locale = useLocale()
  const summary = [
    ...(errors.text ? [{ anchor: `${idPrefix}-text`, message: errors.text }] : []),
    ...(errors.files ? [{ anchor: `${idPrefix}-files`, message: errors.files }] : []),
  ]
  return (
    <>
      <title>{`${summary.length ? errorWord : ''}${heading}`}</title>
      <Link to={back.href} className="back-link">{back.text}</Link>
      {formError === 'db' && <div className="notice notice--warning" role="alert"><p>{translate(locale, 'dbDownForm')}</p></div>}
      <ErrorSummary errors={summary} />
      {caption && <span className="caption">{caption}</span>}
      <h1>{heading}</h1>
      {children}
    </>
  )
}
