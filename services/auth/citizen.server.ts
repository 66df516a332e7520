import { redirect } from 'react-router'
import { sql } from '../db/sql.server.ts'
import { readCookie, serializeCookie } from './cookies.ts'
import { safeRedirect } from './return-path.ts'
import { endSessions, getSession, IDLE_SECONDS, newToken, SESSION_COOKIE, type Person, type Session } from './session.server.ts'

export type CitizenSession = Session & { kind: 'citizen'; person: Person }

export const isCitizen = (s: Session | null): s is CitizenSession => s?.kind === 'citizen' && s.person !== null

/**
 * Turns the browser's session into a citizen session for `person` under a NEW token (so a token seen before
 * login is worthless after it). The row keeps its data (receipts) and, through ON UPDATE CASCADE, its drafts
 * and BankID orders. A session that belonged to someone else first lets go of that person's drafts and
 * receipts. Returns null when the session ended meanwhile (the login must be started again).
 */
export async function loginCitizen(sessionHash: string, person: Person): Promise<{ setCookie: string; tokenHash: string } | null> {
  const { token, tokenHash } = newToken()
  const rotated = await sql().begin(async (tx) => {
    const [current] = await tx<{ kind: string; personnummer: string | null }[]>`
      select kind, personnummer from sessions where token_hash = ${sessionHash} and expires_at > now() for update`
    if (!current) return false
    if (current.personnummer && current.personnummer !== person.personnummer) {
      await tx`update drafts set session_hash = null where session_hash = ${sessionHash} and owner_personnummer is not null`
      await tx`update sessions set data = '{}' where token_hash = ${sessionHash}`
    }
    await tx`update sessions set token_hash = ${tokenHash}, kind = 'citizen', staff_id = null, personnummer = ${person.personnummer},
        person_name = ${person.name}, last_seen_at = now(), expires_at = now() + make_interval(secs => ${IDLE_SECONDS.citizen}::int)
      where token_hash = ${sessionHash}`
    return true
  })
  return rotated ? { setCookie: serializeCookie(SESSION_COOKIE, token), tokenHash } : null
}

/** The logged-in citizen, or a redirect to BankID login that comes back to this page afterwards. */
export async function requireCitizen(request: Request): Promise<CitizenSession> {
  const session = await getSession(request)
  if (isCitizen(session)) return session
  const url = new URL(request.url)
  throw redirect(loginPath(url.pathname + url.search))
}

export const loginPath = (returnTo: string) => `/logga-in?till=${encodeURIComponent(safeRedirect(returnTo, '/mina-sidor'))}`

/** Ends every session of this person, on every device ("logga ut överallt"). */
export async function logoutEverywhere(person: Person): Promise<number> {
  return endSessions({ personnummer: person.personnummer })
}

/**
 * Who is logged in, for the page chrome (name, idle limit). No session cookie → no database call, so
 * anonymous pages stay independent of the database; a database outage shows as "not logged in" here and
 * is reported by the page's own loader.
 */
export async function citizenForChrome(request: Request): Promise<{ name: string; idleSeconds: number } | null> {
  if (!readCookie(request.headers.get('Cookie'), SESSION_COOKIE)) return null
  try {
    const session = await getSession(request)
    return isCitizen(session) ? { name: session.person.name, idleSeconds: IDLE_SECONDS.citizen } : null
  } catch {
    return null
  }
}
