import { data, redirect } from 'react-router'
import type { AnswerResult } from '../../../services/cases/citizen.server.ts'
import type { TextAndFilesData } from '../../components/forms/text-and-files.tsx'

/**
 * How a post of text and files from Mina sidor ends: 404 for a case that is not the citizen's, on to `done`
 * when it was taken, else the form again with what was typed and why (400 invalid, 409 refused).
 */
export function afterCitizenWrite(r: AnswerResult, typed: { text: string; files: File[] }, done: string) {
  if (r.kind === 'not-found') throw data(null, { status: 404 })
  if (r.kind === 'ok') throw redirect(done)
  const hadFiles = typed.files.some((f) => f.size > 0)
  return data<TextAndFilesData>({ text: typed.text, errors: r.kind === 'invalid' ? r.errors : { text: r.reason }, hadFiles }, { status: r.kind === 'invalid' ? 400 : 409 })
}
