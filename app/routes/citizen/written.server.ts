import { data, redirect, type AppLoadContext } from 'react-router'
import { t } from '#forms/kit/index.ts'
import { requireCitizen, type CitizenSession } from '#services/auth/citizen.server.ts'
import { getMyCase, type MyCaseDetail } from '#services/cases/citizen-cases.server.ts'
import type { AnswerResult } from '#services/cases/citizen.server.ts'
import { isDatabaseDown } from '#services/db/db-errors.ts'
import { checkUploadAllowance } from '#services/limits/uploads.server.ts'
import type { TextAndFilesData } from '#app/components/forms/text-and-files.tsx'
import { limitText, waitText } from '#app/components/limits/texts.ts'

type Typed = { text: string; files: File[] }

/**
 * The case a Mina sidor write page is about, for its loader: 404 when it is not the citizen's. When the post
 * before this render was kept through a database outage (`context.keptForm`), the page shows again without the case
 * (`number` and `title` null) so what was typed is not lost.
 */
export async function caseToWriteAbout(request: Request, caseId: string, context: AppLoadContext):
  Promise<{ session: CitizenSession; case: MyCaseDetail } | { id: string; number: null; title: null }> {
  try {
    const session = await requireCitizen(request)
    const c = await getMyCase(session.person.personnummer, caseId)
    if (!c) throw data(null, { status: 404 })
    return { session, case: c }
  } catch (e) {
    if (context.keptForm && isDatabaseDown(e)) return { id: caseId, number: null, title: null }
    throw e
  }
}

/** Heading facts of the case a write page is about, kept or not. */
export const writeHeading = (found: Awaited<ReturnType<typeof caseToWriteAbout>>, locale: AppLoadContext['locale']) =>
  'case' in found ? { id: found.case.id, number: found.case.number, title: t(found.case.title, locale) } : found

/**
 * Runs a Mina sidor write (`write`, which needs the database from the login on): when the database is away,
 * the form comes back with what was typed and a calm notice (503), as an e-service page does; `kept` adds
 * what else the form needs to be posted again.
 */
export async function keptThroughOutage<T, Kept extends object = object>(context: AppLoadContext, typed: Typed, write: () => Promise<T>, kept?: Kept) {
  try {
    return await write()
  } catch (e) {
    if (!isDatabaseDown(e)) throw e
    context.keptForm = true
    return data<TextAndFilesData & { kept?: Kept }>({ text: typed.text, errors: {}, hadFiles: typed.files.some((f) => f.size > 0), formError: 'db', kept }, { status: 503 })
  }
}

/**
 * A post of text and files from Mina sidor (a message, a supplement answer): its files count against the same
 * upload limits as an e-service page's (issue 10), so a logged-in client cannot fill the disk through them.
 * Over a limit nothing is sent, the text stays in the form, and the files field says when to try again.
 */
export async function citizenWrite(
  context: AppLoadContext, session: CitizenSession, typed: Typed, write: () => Promise<AnswerResult>, done: string,
) {
  const bytes = typed.files.reduce((n, f) => n + f.size, 0)
  const limit = await checkUploadAllowance({ address: context.clientIp, sessionHash: session.tokenHash, kiosk: Boolean(context.kiosk) }, bytes)
  if (!limit.ok) {
    const files = limitText(context.locale, limit.reason === 'budget' ? 'writeBudget' : 'writeUploads', { wait: waitText(limit.retryAfterSeconds, context.locale) })
    return data<TextAndFilesData>({ text: typed.text, errors: { files }, hadFiles: true },
      { status: 429, headers: { 'Retry-After': String(limit.retryAfterSeconds) } })
  }
  return afterCitizenWrite(await write(), typed, done)
}

/**
 * How a post of text and files from Mina sidor ends: 404 for a case that is not the citizen's, on to `done`
 * when it was taken, else the form again with what was typed and why (400 invalid, 409 refused).
 */
function afterCitizenWrite(r: AnswerResult, typed: Typed, done: string) {
  if (r.kind === 'not-found') throw data(null, { status: 404 })
  if (r.kind === 'ok') throw redirect(done)
  const hadFiles = typed.files.some((f) => f.size > 0)
  return data<TextAndFilesData>({ text: typed.text, errors: r.kind === 'invalid' ? r.errors : { text: r.reason }, hadFiles }, { status: r.kind === 'invalid' ? 400 : 409 })
}
