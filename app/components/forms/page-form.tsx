import { zodResolver } from '@hookform/resolvers/zod'
import { useMemo, useState } from 'react'
import { useForm, useWatch, type Resolver } from 'react-hook-form'
import { Form, Link, useNavigation, useSubmit } from 'react-router'
import {
  checksReady, DRAFT_DAYS, findPage, holds, isRequired, kindOf, noticeBody, pageSchema, t as tt, textLanguage,
  type Answers, type ValidationContext,
} from '#forms/kit/index.ts'
import type { BrowserPageDefinition } from '#forms/kit/translations.ts'
import { useRootData } from '#app/root-data.ts'
import { translate } from '#app/i18n.ts'
import { useHydrated } from '#app/utils/use-hydrated.ts'
import { ErrorSummary } from './error-summary.tsx'
import { fieldKindsAttribute } from './field-kinds.ts'
import { NotTranslatedNote } from './not-translated.tsx'
import { Field, type Values } from './field.tsx'
import { anchorFor } from './ids.ts'
import { flatten } from './rhf-errors.ts'

type Props = {
  def: BrowserPageDefinition
  pageId: string
  answers: Answers
  values: Answers
  step: { n: number; total: number }
  backHref: string
  ctx: ValidationContext
  /** The draft was begun on an older version of the e-service and some questions are asked again. */
  formChanged?: boolean
  actionData?: { values: Answers; errors: Record<string, string>; formError?: 'db' }
}

/**
 * One page of an e-service. A real form post that works without JavaScript; with it, react-hook-form
 * checks the same page schema first, and the server's answer (errors, uploads) still decides.
 */
export function PageForm({ def, pageId, answers, values: loaded, step, backHref, ctx, formChanged, actionData }: Props) {
  const root = useRootData()
  const locale = ctx.locale
  const page = findPage(def, pageId)!
  const values = (actionData?.values ?? loaded) as Values
  const hydrated = useHydrated()
  const submit = useSubmit()
  const navigation = useNavigation()
  // Built at the first check, not at render: the server renders every page and never checks in it.
  const resolver = useMemo((): Resolver<Values> => {
    let check: Resolver<Values> | undefined
    return async (values, context, options) => {
      await checksReady(page.fields, values)
      check ??= zodResolver(pageSchema(def, pageId, ctx, { answers, mode: 'client' })) as Resolver<Values>
      return check(values, context, options)
    }
  }, [def, pageId, ctx, answers, page])
  // The kinds of the page's questions were fetched before it rendered (`data-field-kinds` below, ADR 053).
  const { register, handleSubmit, control, formState } = useForm<Values>({
    resolver,
    defaultValues: values,
    shouldFocusError: false,
  })
  const watched = useWatch({ control })

  // The page schema cannot see a chosen file, so the browser checks required attachment slots itself: a
  // missing file is then named together with the page's other errors, not only after they are fixed.
  const [missingFiles, setMissingFiles] = useState<Record<string, string>>({})
  const filesMissing = (form: HTMLFormElement): Record<string, string> => {
    const all = { ...answers, ...watched }
    return Object.fromEntries(visible.flatMap((f) => {
      if (f.kind !== 'file' || !isRequired(f, all)) return []
      const stored = values[f.id]
      const input = form.elements.namedItem(f.id)
      if ((Array.isArray(stored) && stored.length) || (input instanceof HTMLInputElement && input.files?.length)) return []
      return [[f.id, kindOf(f).requiredMessage(f, locale)]]
    }))
  }
  const clientErrors = formState.submitCount > 0 ? { ...flatten(formState.errors), ...missingFiles } : {}
  const errors = Object.keys(clientErrors).length ? clientErrors : (actionData?.errors ?? {})
  // Without JavaScript every question shows, and the server ignores those that do not apply.
  const visible = page.fields.filter((f) => !hydrated || holds(f.visibleWhen, { ...answers, ...watched }))
  const summary = page.fields.flatMap((f) =>
    Object.entries(errors)
      .filter(([k]) => k === f.id || k.startsWith(`${f.id}.`))
      .map(([k, message]) => ({ anchor: anchorFor(f, k), message })),
  )
  const title = tt(page.title, locale)
  const hasFiles = page.fields.some((f) => f.kind === 'file')
  const contact = root?.municipality.contact
  // An e-service not yet in the page's language shows its own texts in Swedish, marked as such.
  const own = textLanguage(def, locale)

  return (
    <>
      <title>{`${summary.length ? translate(locale, 'errorTitlePrefix') : ''}${title} – ${tt(def.title, locale)}`}</title>
      <Link to={backHref} className="back-link">{translate(locale, 'back')}</Link>
      {actionData?.formError === 'db' && (
        <div className="notice notice--warning" role="alert"><p>{translate(locale, 'dbDownForm')}</p></div>
      )}
      <ErrorSummary errors={summary} attempt={formState.submitCount} />
      <span className="caption">{tt(def.title, locale)} · {translate(locale, 'stepOf', step)}</span>
      <h1 {...own}>{title}</h1>
      {own && <NotTranslatedNote locale={locale} />}
      {formChanged && (
        <div className="notice notice--warning">
          <h2 className="notice__title">{translate(locale, 'formChangedTitle')}</h2>
          <p>{translate(locale, 'formChangedBody')}</p>
        </div>
      )}
      {page.intro && <p className="lead" {...own}>{tt(page.intro, locale)}</p>}
      {page.notice && (
        <div className={`notice notice--${page.notice.tone ?? 'info'}`} {...own}>
          <h2 className="notice__title">{tt(page.notice.title, locale)}</h2>
          <p>{noticeBody(page.notice, locale, contact ?? {}, ctx.settings)}</p>
          {page.notice.link && <p><a href={page.notice.link.href}>{tt(page.notice.link.text, locale)}</a></p>}
        </div>
      )}
      <Form
        method="post"
        // Kiosks (issue 6): no suggestions from, and no restoring on Back of, an earlier visitor's answers.
        autoComplete={root?.kiosk ? 'off' : undefined}
        encType={hasFiles ? 'multipart/form-data' : undefined}
        noValidate
        {...fieldKindsAttribute(page.fields)}
        onSubmit={(ev) => {
          const form = ev.currentTarget
          const submitter = (ev.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null
          ev.preventDefault()
          // Upload and remove buttons save files without judging the rest of the page yet.
          if (submitter?.formNoValidate) return submit(submitter, { method: 'post', encType: hasFiles ? 'multipart/form-data' : undefined })
          const missing = filesMissing(form)
          setMissingFiles(missing)
          return handleSubmit(() => {
            if (Object.keys(missing).length === 0) submit(form, { method: 'post', encType: hasFiles ? 'multipart/form-data' : undefined })
          })(ev)
        }}
      >
        <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
        {visible.map((f) => {
          const field = <Field key={f.id} field={f} locale={locale} values={values} errors={errors} register={register} csrfToken={root?.csrfToken ?? ''} />
          return own ? <div key={f.id} {...own}>{field}</div> : field
        })}
        <p className="hint">{def.identification === 'bankid' ? translate(locale, 'draftKept', { days: DRAFT_DAYS }) : translate(locale, 'draftBrowser')}</p>
        <div className="button-group">
          <button type="submit" name="_action" value="continue" className="button" disabled={navigation.state === 'submitting'}>
            {translate(locale, 'continue')}
          </button>
          {def.identification === 'bankid' && (
            // Saves what is typed, right or not yet, without checking: the page shows the messages when the citizen is back.
            <button type="submit" name="_action" value="save" formNoValidate className="button button--secondary" disabled={navigation.state === 'submitting'}>
              {translate(locale, 'saveLater')}
            </button>
          )}
        </div>
      </Form>
    </>
  )
}
