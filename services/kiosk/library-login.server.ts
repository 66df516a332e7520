import { serializeCookie } from '../auth/cookies.ts'
import { clearFailures, recordFailure, tooManyFailures } from '../auth/login-failures.server.ts'
import { createSession, getSession, newToken, SESSION_COOKIE } from '../auth/session.server.ts'
import { sql } from '../db/sql.server.ts'
import { createSip2Client, LibraryUnavailableError, sip2ConfigFromEnv } from '../library/sip2/client.server.ts'
import { Sip2EncodeError } from '../library/sip2/errors.ts'
import { adoptLibraryCardDrafts, keepLibraryCardDrafts } from './library-drafts.server.ts'
import { kioskData, setKioskData, type KioskSessionData } from './session-data.server.ts'

/** Failed PINs or unknown numbers per card within the window before that card is refused for a while. */
export const CARD_LIMIT = { failures: 5, windowMinutes: 15 } as const

export type CardCheck =
  | { ok: true; patron: { id: string; name: string } }
  | { ok: false; reason: 'unknown-card' | 'wrong-pin' | 'blocked' | 'rate-limited' | 'unavailable' }

/** Whether library cards can be checked here: SIP2_HOST set (or the test server started in its place). */
export function libraryCardLoginAvailable(): boolean {
  try {
    return sip2ConfigFromEnv() !== undefined
  } catch {
    return false
  }
}

/**
 * Checks a card and PIN with the library system over SIP2. Guessing is slowed down per card in the same
 * login_failures table staff logins use, before the library system is asked (its own lockout would
 * otherwise lock the patron out of the library too). "Library system down" is never counted: it is not
 * the visitor's mistake.
 */
export async function checkLibraryCard(cardNumber: string, pin: string): Promise<CardCheck> {
  const key = `card:${cardNumber}`
  if (await tooManyFailures([key], CARD_LIMIT)) return { ok: false, reason: 'rate-limited' }
  const config = sip2ConfigFromEnv()
  if (!config) return { ok: false, reason: 'unavailable' }
  let answer
  try {
    answer = await createSip2Client(config).verifyPatron(cardNumber, pin)
  } catch (e) {
    if (e instanceof LibraryUnavailableError) {
      console.error(`[sip2] library system unavailable: ${e.reason}`)
      return { ok: false, reason: 'unavailable' }
    }
    // Characters SIP2 cannot carry: no such card can exist.
    if (e instanceof Sip2EncodeError) return { ok: false, reason: 'unknown-card' }
    throw e
  }
  if (!answer.ok) {
    if (answer.reason !== 'blocked') await recordFailure([key])
    return { ok: false, reason: answer.reason }
  }
  await clearFailures(key)
  return { ok: true, patron: { id: answer.patron.id, name: answer.patron.name } }
}

/**
 * Puts the library identity on the visitor's session under a new token (no fixation). The session keeps
 * its drafts (ON UPDATE CASCADE, migration 00002) unless another card was logged in on it: then it ends and
 * a fresh one starts, so one person's answers never pass to the next. Drafts kept for the card from an
 * earlier visit continue here.
 */
export async function loginWithLibraryCard(request: Request, patron: { id: string; name: string }): Promise<string> {
  const libraryCard: NonNullable<KioskSessionData['libraryCard']> = { kind: 'library-card', patronId: patron.id, name: patron.name, at: new Date().toISOString() }
  const existing = await getSession(request)
  const previous = kioskData(existing).libraryCard
  if (existing && existing.kind !== 'staff' && (!previous || previous.patronId === patron.id)) {
    const { token, tokenHash } = newToken()
    const rotated = await sql()`
      update sessions set token_hash = ${tokenHash}, last_seen_at = now(), data = data || ${sql().json({ libraryCard } as never)}
      where token_hash = ${existing.tokenHash}`
    if (rotated.count > 0) {
      await adoptLibraryCardDrafts(tokenHash, patron.id)
      return serializeCookie(SESSION_COOKIE, token)
    }
  }
  // The previous card's drafts stay with that card; the new session starts without them.
  if (existing && previous) await keepLibraryCardDrafts(existing.tokenHash)
  const { session, setCookie } = await createSession(request, 'visitor')
  await setKioskData(session.tokenHash, 'libraryCard', libraryCard)
  await adoptLibraryCardDrafts(session.tokenHash, patron.id)
  return setCookie
}
