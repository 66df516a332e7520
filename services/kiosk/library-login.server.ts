import { serializeCookie } from '../auth/cookies.ts'
import { notAGuess, reserveAttempt, succeeded } from '../auth/login-attempts.server.ts'
import { loginLimits } from '../auth/login-limits.server.ts'
import { createSession, getSession, newToken, SESSION_COOKIE } from '../auth/session.server.ts'
import { sql } from '../db/sql.server.ts'
import { createSip2Client, LibraryUnavailableError, sip2ConfigFromEnv } from '../library/sip2/client.server.ts'
import { Sip2EncodeError } from '../library/sip2/errors.ts'
import { adoptLibraryCardDrafts, keepLibraryCardDrafts } from './library-drafts.server.ts'
import { kioskData, setKioskData, type KioskSessionData } from './session-data.server.ts'
import { log } from '../log/logger.server.ts'

/** `wrong` is an unknown card and a wrong PIN alike: which one it was would tell a guesser which numbers exist. */
export type CardCheck =
  | { ok: true; patron: { id: string; name: string } }
  | { ok: false; reason: 'wrong' | 'blocked' | 'unavailable' }
  | { ok: false; reason: 'rate-limited'; retryAt: Date }

/** Whether library cards can be checked here: SIP2_HOST set (or the test server started in its place). */
export function libraryCardLoginAvailable(): boolean {
  try {
    return sip2ConfigFromEnv() !== undefined
  } catch {
    return false
  }
}

/**
 * Checks a card and PIN with the library system over SIP2. The attempt is counted first (login-attempts.server.ts),
 * per card at this kiosk and per kiosk, before the library system is asked: its own lockout would otherwise lock
 * the patron out of the library too, and a card is never refused at every kiosk for failures at one. Only a
 * wrong answer counts: "library system down" is not the visitor's mistake, and a blocked card had the right PIN.
 */
export async function checkLibraryCard(cardNumber: string, pin: string, kioskId: string): Promise<CardCheck> {
  const config = sip2ConfigFromEnv()
  if (!config) return { ok: false, reason: 'unavailable' }
  const limits = loginLimits()
  const [card, kiosk] = limits.libraryCard(cardNumber, kioskId)
  const reserved = await reserveAttempt([card, kiosk], limits.windowMinutes)
  if (!reserved.ok) return { ok: false, reason: 'rate-limited', retryAt: reserved.retryAt }
  let answer
  try {
    answer = await createSip2Client(config).verifyPatron(cardNumber, pin)
  } catch (e) {
    if (e instanceof LibraryUnavailableError) {
      log.error({ reason: e.reason }, 'SIP2: the library system is unavailable')
      await notAGuess(reserved.reservation)
      return { ok: false, reason: 'unavailable' }
    }
    // Characters SIP2 cannot carry: no such card can exist.
    if (e instanceof Sip2EncodeError) return { ok: false, reason: 'wrong' }
    throw e
  }
  if (answer.ok) {
    await succeeded(reserved.reservation, [card.key])
    return { ok: true, patron: { id: answer.patron.id, name: answer.patron.name } }
  }
  if (answer.reason === 'blocked') {
    await notAGuess(reserved.reservation)
    return { ok: false, reason: 'blocked' }
  }
  return { ok: false, reason: 'wrong' }
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
