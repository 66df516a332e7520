import { createHash, randomBytes } from 'node:crypto'
import { sql } from '../db/sql.server.ts'
import { readCookie, serializeCookie } from './cookies.ts'

export const SESSION_COOKIE = 'sid'

/**
 * Idle lifetimes: an anonymous visitor's half-filled report may wait a day; staff sign in per shift; a
 * citizen logged in with BankID is logged out after 20 minutes without activity (warned before, WCAG 2.2.1).
 */
export const IDLE_SECONDS = { visitor: 24 * 3600, staff: 60 * 60, citizen: 20 * 60 } as const
/** How stale last_seen_at may get before a request moves it: negligible beside the idle limits above. */
const TOUCH_EVERY_SECONDS = 5

/** The person a citizen session belongs to, as BankID identified them at login. */
export type Person = { personnummer: string; name: string }

export type Session = {
  tokenHash: string
  kind: 'visitor' | 'citizen' | 'staff'
  staffId: string | null
  person: Person | null
  data: { receipts?: string[] }
}

/** Only this hash of a session token is stored; the token itself lives in the browser's cookie. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')
/** A fresh random session token and its hash. */
export function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url')
  return { token, tokenHash: hashToken(token) }
}

export async function getSession(request: Request): Promise<Session | null> {
  const token = readCookie(request.headers.get('Cookie'), SESSION_COOKIE)
  if (!token || token.length > 100) return null
  type Row = { token_hash: string; kind: Session['kind']; staff_id: string | null; personnummer: string | null; person_name: string | null; data: Session['data'] }
  const tokenHash = hashToken(token)
  // The sliding expiry moves at most every few seconds: a page's loaders each ask for the session, and a
  // write per ask would be a WAL flush per ask; a read-only statement commits without one.
  const [row] = await sql()<Row[]>`
    with s as (
      select token_hash, kind, staff_id, personnummer, person_name, data from sessions
      where token_hash = ${tokenHash} and expires_at > now()),
    touched as (
      update sessions set last_seen_at = now(),
        expires_at = now() + make_interval(secs => case kind when 'staff' then ${IDLE_SECONDS.staff}::int
          when 'citizen' then ${IDLE_SECONDS.citizen}::int else ${IDLE_SECONDS.visitor}::int end)
      where token_hash = ${tokenHash} and expires_at > now() and last_seen_at < now() - make_interval(secs => ${TOUCH_EVERY_SECONDS}))
    select * from s`
  if (!row) return null
  const person = row.personnummer && row.person_name ? { personnummer: row.personnummer, name: row.person_name } : null
  return { tokenHash: row.token_hash, kind: row.kind, staffId: row.staff_id, person, data: row.data }
}

/** A new session always gets a new token (no fixation), and the old one from this browser is ended. */
export async function createSession(
  request: Request,
  kind: 'visitor' | 'staff',
  staffId: string | null = null,
): Promise<{ session: Session; setCookie: string }> {
  await destroySession(request)
  const { token, tokenHash } = newToken()
  await sql()`insert into sessions (token_hash, kind, staff_id, expires_at)
    values (${tokenHash}, ${kind}, ${staffId}, now() + make_interval(secs => ${IDLE_SECONDS[kind]}::int))`
  return {
    session: { tokenHash, kind, staffId, person: null, data: {} },
    setCookie: serializeCookie(SESSION_COOKIE, token),
  }
}

export async function destroySession(request: Request): Promise<string> {
  const token = readCookie(request.headers.get('Cookie'), SESSION_COOKIE)
  if (token) await endSessions({ tokenHash: hashToken(token) })
  return serializeCookie(SESSION_COOKIE, '', { maxAge: 0 })
}

/**
 * Ends one session, or every citizen session of one person ("log out everywhere"). Drafts a person owns
 * are let go of first, so they outlive the session (Mina sidor lists them); anonymous drafts and BankID
 * orders end with it.
 */
export async function endSessions(which: { tokenHash: string } | { personnummer: string }): Promise<number> {
  return sql().begin(async (tx) => {
    const where = 'tokenHash' in which
      ? tx`token_hash = ${which.tokenHash}`
      : tx`kind = 'citizen' and personnummer = ${which.personnummer}`
    await tx`update drafts set session_hash = null
      where owner_personnummer is not null and session_hash in (select token_hash from sessions where ${where})`
    const ended = await tx`delete from sessions where ${where}`
    return ended.count
  })
}

/** The visitor's session, made on first need (the first answer saved), not on every page view. */
export async function visitorSession(request: Request): Promise<{ session: Session; setCookie?: string }> {
  const existing = await getSession(request)
  if (existing) return { session: existing }
  return createSession(request, 'visitor')
}
