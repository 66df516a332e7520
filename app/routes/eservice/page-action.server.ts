import { data, redirect, type AppLoadContext } from 'react-router'
import {
  fieldErrors, findPage, journey, pageSchema, toBool, valuesFromFormData,
  type Answers, type FileField, type FileRef, type FormDefinition, type Locale,
} from '#forms/kit/index.ts'
import { readForm } from '#services/auth/csrf.server.ts'
import { visitorSession } from '#services/auth/session.server.ts'
import { createDraft, findDraft, removeDraftAttachment, reopenDraft, saveDraftAnswers } from '#services/cases/drafts.server.ts'
import { storeUploads } from '#services/cases/uploads.server.ts'
import { checkUploadAllowance } from '#services/limits/uploads.server.ts'
import { limitText, waitText } from '#app/components/limits/texts.ts'
import { isDatabaseDown } from '#services/db/db-errors.ts'
import { formBase, identify, validationContext } from './flow.server.ts'

export type PageActionData = { values: Answers; errors: Record<string, string>; formError?: 'db' }

/**
 * Saves one page: uploads first (so they survive errors elsewhere on the page), then the page schema,
 * then on to the next applicable page — or back to check-your-answers when changing an answer.
 * Everything that needs the database is inside the `try`, so an outage at any step keeps what was typed.
 */
export async function pageAction(request: Request, def: FormDefinition, pageId: string, context: AppLoadContext) {
  const locale: Locale = context.locale
  const page = findPage(def, pageId)
  if (!page) throw data(null, { status: 404 })
  const form = await readForm(request)
  const raw = valuesFromFormData(page, form)
  const headers = new Headers()
  try {
    // An e-service that needs BankID saves nothing for someone who is not logged in.
    await identify(request, def)
    const { session, setCookie } = await visitorSession(request)
    if (setCookie) headers.append('Set-Cookie', setCookie)
    const found = await findDraft(session.tokenHash, def.id)
    // Answers given on an older version of the e-service are let go where their questions changed before
    // this page's answers are saved on the current one.
    const draft = found ? (await reopenDraft(found, def)).draft : await createDraft(session.tokenHash, def, locale)
    const answers: Answers = { ...draft.answers }
    const intent = String(form.get('_action') ?? 'continue')
    const errors: Record<string, string> = {}
    const fileFields = page.fields.filter((f): f is FileField => f.kind === 'file')
    const newFiles = (field: FileField) => form.getAll(field.id).filter((f): f is File => typeof f !== 'string' && f.size > 0)

    // Upload limits (issue 10): over them the page's new files are not stored, and everything else is.
    const bytes = fileFields.reduce((sum, field) => sum + newFiles(field).reduce((n, f) => n + f.size, 0), 0)
    const limit = await checkUploadAllowance({ address: context.clientIp, sessionHash: session.tokenHash, kiosk: Boolean(context.kiosk) }, bytes)
    if (!limit.ok) headers.set('Retry-After', String(limit.retryAfterSeconds))

    for (const field of fileFields) {
      let existing = (answers[field.id] as FileRef[] | undefined) ?? []
      if (intent.startsWith('remove:')) {
        const id = intent.slice('remove:'.length)
        await removeDraftAttachment(draft.id, id)
        existing = existing.filter((r) => r.id !== id)
      }
      const files = limit.ok ? newFiles(field) : []
      if (!limit.ok && newFiles(field).length) errors[field.id] = limitText(locale, limit.reason === 'budget' ? 'budget' : 'uploads', { wait: waitText(limit.retryAfterSeconds, locale) })
      const keep = field.keepMetadataField ? toBool(form.get(field.keepMetadataField)) : false
      const stored = await storeUploads({ draftId: draft.id, field, files, existing, keepMetadata: keep, locale })
      if (stored.error) errors[field.id] = stored.error
      answers[field.id] = raw[field.id] = stored.refs
    }
    if (intent === 'save') {
      // "Spara och fortsätt senare": what is typed is kept as it is, checked when the citizen is back on the page.
      for (const f of page.fields) if (f.kind !== 'file' && raw[f.id] !== undefined) answers[f.id] = raw[f.id]
      await saveDraftAnswers(draft.id, answers, { def, locale })
      return redirect(`${formBase(def)}/sparat`, { headers })
    }
    await saveDraftAnswers(draft.id, answers, { def, locale })
    const failed = !limit.ok ? 429 : 400
    if (intent !== 'continue') return data<PageActionData>({ values: raw, errors }, { status: Object.keys(errors).length ? failed : 200, headers })

    // With the logged-in person, so "this must be your own personnummer" is checked on the page itself.
    const result = pageSchema(def, page.id, validationContext(locale, session), { answers }).safeParse(raw)
    if (!result.success || Object.keys(errors).length) {
      const all = { ...(result.success ? {} : fieldErrors(result.error)), ...errors }
      return data<PageActionData>({ values: raw, errors: all }, { status: Object.keys(errors).length ? failed : 400, headers })
    }
    const next: Answers = { ...answers }
    for (const f of page.fields) delete next[f.id]
    Object.assign(next, result.data)
    await saveDraftAnswers(draft.id, next, { def, locale })

    const j = journey(def, next, validationContext(locale, session))
    const changing = new URL(request.url).searchParams.has('andra')
    const target = (changing && j.complete) || !j.next(page.id) ? 'kontrollera' : j.next(page.id)
    return redirect(`${formBase(def)}/${target}`, { headers })
  } catch (e) {
    // The database is away: keep everything typed on the page and say so calmly; the page's loaders
    // render it without the database (see `keptForm`), with or without JavaScript.
    if (!isDatabaseDown(e)) throw e
    context.keptForm = true
    return data<PageActionData>({ values: raw, errors: {}, formError: 'db' }, { status: 503, headers })
  }
}
