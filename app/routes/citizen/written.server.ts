import { data, redirect, type AppLoadContext } from 'react-router'
import type { CitizenSession } from '../../../services/auth/citizen.server.ts'
import type { AnswerResult } from '../../../services/cases/citizen.server.ts'
import { checkUploadAllowance } from '../../../services/limits/uploads.server.ts'
import type { TextAndFilesData } from '../../components/forms/text-and-files.tsx'
import { limitText, waitText } from '../../components/limits/texts.ts'

type Typed = { text: string; files: File[] }

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
