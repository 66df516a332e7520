import { createHash, randomBytes } from 'node:crypto'
import { sql } from '../db/sql.server.ts'
import { readCookie, serializeCookie } from './cookies.ts'

export const SESSION_COOKIE = 'sid'

/** Idle lifetimes: an anonymous visitor's half-filled report may wait a day; staff sign in per shift. */
export const IDLE_SECONDS = { visitor: 24 * 3600, staff: 60 * 60 } as const

export type Session = {
  tokenHash: string
  kind: 'visitor' | 'staff'
  staffId: string | null
  data: { receipts?: string[] }
}

const hash = (token: string) => createHash('sha256').update(token).digest('hex')

export async function getSession(request: Request): Promise<Session | null> {
  const token = readCookie(request.headers.get('Cookie'), SESSION_COOKIE)
  if (!token || token.length > 100) return null
  const [row] = await sql()<{ token_hash: string; kind: Session['kind']; staff_id: string | null; data: Session['data'] }[]>`
    update sessions set last_seen_at = now(),
      expires_at = now() + make_interval(secs => case kind when 'staff' then ${IDLE_SECONDS.staff}::int else ${IDLE_SECONDS.visitor}::int end)
    where token_hash = ${hash(token)} and expires_at > now()
    returning token_hash, kind, staff_id, data`
  return row ? { tokenHash: row.token_hash, kind: row.kind, staffId: row.staff_id, data: row.data } : null
}

/** A new session always gets a new token (no fixation), and the old one from this browser is ended. */
export async function createSession(
  request: Request,
  kind: Session['kind'],
  staffId: string | null = null,
): Promise<{ session: Session; setCookie: string }> {
  await destroySession(request)
  const token = randomBytes(32).toString('base64url')
  const tokenHash = hash(token)
  await sql()`insert into sessions (token_hash, kind, staff_id, expires_at)
    values (${tokenHash}, ${kind}, ${staffId}, now() + make_interval(secs => ${IDLE_SECONDS[kind]}::int))`
  return {
    session: { tokenHash, kind, staffId, data: {} },
    setCookie: serializeCookie(SESSION_COOKIE, token),
  }
}

export async function destroySession(request: Request): Promise<string> {
  const token = readCookie(request.headers.get('Cookie'), SESSION_COOKIE)
  if (token) await sql()`delete from sessions where token_hash = ${hash(token)}`
  return serializeCookie(SESSION_COOKIE, '', { maxAge: 0 })
}

/** The visitor's session, made on first need (the first answer saved), not on every page view. */
export async function visitorSession(request: Request): Promise<{ session: Session; setCookie?: string }> {
  const existing = await getSession(request)
  if (existing) return { session: existing }
  return createSession(request, 'visitor')
}
