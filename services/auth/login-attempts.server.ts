import { createHash } from 'node:crypto'
import { sql } from '../db/sql.server.ts'

/** At most `max` attempts under `key` per window; a key names who is trying from where (`staff:…|…`, `kiosk:…`). */
export type AttemptLimit = { readonly key: string; readonly max: number }

/** The counters one attempt raised, to be settled when its outcome is known. */
export type Reservation = { readonly rows: readonly { readonly key: string; readonly expiresAt: Date }[] }

export type Reserved = { ok: true; reservation: Reservation } | { ok: false; retryAt: Date }

// Stored hashed: the table needs to tell keys apart, not to know whose e-mail, address or card they hold.
const hashKey = (key: string) => createHash('sha256').update(key).digest('base64url')

/**
 * Counts an attempt under every key before the secret is checked, in one statement: a counter whose window
 * has passed starts again at 1, so each of N parallel attempts sees a different count and at most `max` of
 * them go ahead. Refused when any key is over its limit; the keys that were not get the attempt back, so an
 * account locked at one address does not use up that address's allowance for other accounts.
 * Counted attempts are failures until `succeeded` or `notAGuess` says otherwise.
 */
export async function reserveAttempt(limits: readonly AttemptLimit[], windowMinutes: number): Promise<Reserved> {
  const max = new Map(limits.map((l) => [hashKey(l.key), l.max]))
  // Sorted, so two attempts sharing keys lock the rows in the same order.
  const keys = [...max.keys()].sort()
  const rows = await sql()<{ key: string; attempts: number; expires_at: Date }[]>`
    insert into login_attempts as a (key, attempts, expires_at)
    select k, 1, date_trunc('milliseconds', now() + make_interval(mins => ${windowMinutes}::int)) from unnest(${keys}::text[]) as k
    on conflict (key) do update set
      attempts = case when a.expires_at <= now() then 1 else a.attempts + 1 end,
      expires_at = case when a.expires_at <= now() then excluded.expires_at else a.expires_at end
    returning key, attempts, expires_at`
  const over = rows.filter((r) => r.attempts > max.get(r.key)!)
  const reservation = { rows: rows.map((r) => ({ key: r.key, expiresAt: r.expires_at })) }
  if (over.length === 0) return { ok: true, reservation }
  await giveBack(reservation.rows.filter((r) => !over.some((o) => o.key === r.key)))
  return { ok: false, retryAt: new Date(Math.max(...over.map((r) => r.expires_at.getTime()))) }
}

/**
 * The secret was right: the failures under `forget` (the account at this address, the card at this kiosk) are
 * forgotten, and the attempt is given back on the shared keys (the address, the kiosk), where it was no failure.
 */
export async function succeeded(reservation: Reservation, forget: readonly string[]): Promise<void> {
  const forgotten = forget.map(hashKey)
  await sql()`delete from login_attempts where key = any(${forgotten}::text[])`
  await giveBack(reservation.rows.filter((r) => !forgotten.includes(r.key)))
}

/** The attempt told nothing about the secret (the library system was down, the right PIN of a blocked card). */
export const notAGuess = (reservation: Reservation): Promise<void> => giveBack(reservation.rows)

// Only within the window the attempt was counted in: a late give-back never lowers a fresh window's count.
async function giveBack(rows: Reservation['rows']): Promise<void> {
  if (rows.length === 0) return
  await sql()`
    update login_attempts as a set attempts = a.attempts - 1
    from unnest(${rows.map((r) => r.key)}::text[], ${rows.map((r) => r.expiresAt.toISOString())}::timestamptz[]) as r(key, expires_at)
    where a.key = r.key and a.expires_at = r.expires_at and a.attempts > 0`
}

/** Housekeeping: counters whose window has passed count nothing any more. */
export async function purgeExpiredAttempts(): Promise<number> {
  return (await sql()`delete from login_attempts where expires_at <= now()`).count
}
