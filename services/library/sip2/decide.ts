import type { PatronResponse } from './patron-messages.ts'
import type { PatronStatusFlag } from './patron-status.ts'
import { readingOrder } from './person-name.ts'

export type PatronRejection = 'unknown-card' | 'wrong-pin' | 'blocked'

export type PatronVerification =
  | { readonly ok: true; readonly patron: { readonly id: string; readonly name: string } }
  | { readonly ok: false; readonly reason: PatronRejection }

/**
 * Koha sets positions 0–3 for debarred and expired patrons, so position 0 covers both; a card reported lost must
 * not log anyone in either. Fines (10/11) are left to the site: they block borrowing, not filing a matter.
 */
export const DEFAULT_DENY_ON: readonly PatronStatusFlag[] = ['chargePrivilegesDenied', 'cardReportedLost']

/**
 * Turns a 24/64 response into an answer. Order matters: the PIN is checked before the status so that a wrong PIN
 * never reveals that a card is blocked, and every "yes" must be an explicit Y (a missing BL or CQ means no).
 * The name is given in reading order ("Märta Åström"), as the kiosk greets the visitor and files their cases.
 */
export function decidePatron(
  response: PatronResponse,
  cardNumber: string,
  denyOn: readonly PatronStatusFlag[] = DEFAULT_DENY_ON,
): PatronVerification {
  if (response.validPatron !== true) return { ok: false, reason: 'unknown-card' }
  if (response.validPatronPassword !== true) return { ok: false, reason: 'wrong-pin' }
  if (denyOn.some((flag) => response.patronStatus[flag])) return { ok: false, reason: 'blocked' }
  return { ok: true, patron: { id: response.patronId.trim() || cardNumber, name: readingOrder(response.personalName) } }
}
