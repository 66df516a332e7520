import { useState } from 'react'
import { checkFile, tooManyMessage } from '#forms/kit/kinds/file.ts'
import type { FileField, FileRef, Locale } from '#forms/kit/types.ts'
import { translate } from '#app/i18n.ts'
import { LabelledQuestion, describedBy } from './question-frame.tsx'
import { inputId } from './input-id.ts'

/**
 * Uploads are stored as soon as the page is posted, so they survive errors elsewhere on the page;
 * the list shows them with a remove button each. In the browser we warn early about a wrong type or
 * size using the same rule the server applies to the bytes.
 */
export function FileInput(props: {
  field: FileField; locale: Locale; label: string; hint?: string; error?: string; className: string
  files: FileRef[]; sizeText: (n: number) => string
}) {
  const { field, locale, label, hint, files } = props
  const id = inputId(field.id)
  const [early, setEarly] = useState<string | undefined>()
  const error = props.error ?? early
  const room = field.maxFiles - files.length
  return (
    <LabelledQuestion id={id} className={props.className} label={label} hint={hint} error={error} locale={locale}>
      {files.length > 0 && (
        <div className="uploaded">
          <h3 className="uploaded__title">{translate(locale, 'uploadedFiles')}</h3>
          <ul className="uploaded__list">
            {files.map((f) => (
              <li key={f.id} className="uploaded__item">
                <span>{f.name} ({props.sizeText(f.size)})</span>
                <button type="submit" name="_action" value={`remove:${f.id}`} formNoValidate className="button button--link">
                  {translate(locale, 'remove')}<span className="visually-hidden"> {f.name}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {room > 0 && (
        <div className="upload-row">
          <input
            id={id} name={field.id} type="file" className="file-input" multiple={room > 1}
            accept={field.accept.join(',')} aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined}
            onChange={(ev) => {
              const chosen = Array.from(ev.currentTarget.files ?? [])
              const problem = chosen.length > room
                ? tooManyMessage(field, locale)
                : chosen.map((f) => checkFile(field, { name: f.name, size: f.size, mime: f.type }, locale)).find(Boolean)
              setEarly(problem ?? undefined)
            }}
          />
          <button type="submit" name="_action" value="upload" formNoValidate className="button button--secondary">
            {translate(locale, 'upload')}
          </button>
        </div>
      )}
    </LabelledQuestion>
  )
}
