import { randomBytes } from 'node:crypto'
import { trygghetslarm } from '#forms/trygghetslarm/index.ts'
import { loginCitizen } from '#services/auth/citizen.server.ts'
import { CSRF_COOKIE } from '#services/auth/csrf.server.ts'
import { createSession, SESSION_COOKIE } from '#services/auth/session.server.ts'
import { createDraft, saveDraftAnswers } from '#services/cases/drafts.server.ts'

/** Johan Testsson of the BankID simulator's test persons. */
const JOHAN = { personnummer: '198606129933', name: 'Johan Testsson' }

/**
 * A browser logged in with BankID, made the way the integration tests make one (a visitor session turned into
 * a citizen session by `loginCitizen`, as the BankID collect does), with one trygghetslarm application begun
 * so Mina sidor lists a draft. Returns the browser's Cookie header.
 */
export async function loggedInCitizen(): Promise<string> {
  const { session } = await createSession(new Request('http://127.0.0.1/'), 'visitor')
  const login = await loginCitizen(session.tokenHash, JOHAN)
  if (!login) throw new Error('The bench citizen could not be logged in')
  const draft = await createDraft(login.tokenHash, trygghetslarm)
  await saveDraftAnswers(draft.id, { applyingFor: 'self' })
  const sid = new RegExp(`^${SESSION_COOKIE}=([^;]+)`).exec(login.setCookie)?.[1]
  if (!sid) throw new Error(`Unexpected session cookie: ${login.setCookie}`)
  return `${CSRF_COOKIE}=${randomBytes(32).toString('base64url')}; ${SESSION_COOKIE}=${sid}`
}
