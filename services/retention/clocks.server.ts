import { purgeExpiredAttempts } from '../auth/login-attempts.server.ts'
import { purgeOldOrders } from '../bankid/purge.server.ts'
import { sql } from '../db/sql.server.ts'
import { deleteEndedWindows } from '../limits/limiter.server.ts'

/**
 * Personal data outside a case, each with its own clock (issue 10): nothing holding a personnummer, a name,
 * an e-mail address or a trace of a visit lives forever by accident. docs/retention.md lists every table.
 * A new table's clock is one line here. Drafts have theirs in services/drafts/housekeeping.server.ts.
 */
export type Clock = { name: string; action: 'delete' | 'anonymise'; run: (now: Date) => Promise<number> }

export const KEEP = {
  /** Sent mails hold the address and the text: kept a month for questions about delivery. */
  sentMailDays: 30,
  /** A failed mail waits for an admin's retry on /servicecenter/utkorg for a quarter. */
  failedMailDays: 90,
  /** Help requests count in the kiosk statistics for a quarter with who answered them, then without. */
  helpRequestDays: 90,
  /** An enrolment code is dead at expiry; the row names the admin who made it. */
  enrolmentCodeDays: 7,
  /** The access log's details (search terms may be personnummer) are kept three years; who opened which case stays. */
  auditDetailYears: 3,
} as const

const ago = (now: Date, unit: 'days' | 'years', n: number) => sql()`${now}::timestamptz - make_interval(${sql().unsafe(unit)} => ${n}::int)`

export const CLOCKS: Clock[] = [
  { name: 'sessions', action: 'delete', run: purgeExpiredSessions },
  { name: 'login_attempts', action: 'delete', run: () => purgeExpiredAttempts() },
  { name: 'bankid_orders', action: 'delete', run: () => purgeOldOrders() },
  // Abuse-limit counters (services/limits) hold only hashed keys, but none outlives the window after its own.
  { name: 'rate_limits', action: 'delete', run: () => deleteEndedWindows() },
  { name: 'outbox_sent', action: 'delete', run: async (now) => (await sql()`delete from outbox where sent_at < ${ago(now, 'days', KEEP.sentMailDays)}`).count },
  { name: 'outbox_failed', action: 'delete', run: async (now) => (await sql()`delete from outbox where sent_at is null and failed_at < ${ago(now, 'days', KEEP.failedMailDays)}`).count },
  {
    name: 'help_requests', action: 'anonymise', run: async (now) => (await sql()`
      update help_requests set path = '', taken_by = null, done_by = null
      where created_at < ${ago(now, 'days', KEEP.helpRequestDays)} and (path <> '' or taken_by is not null or done_by is not null)`).count,
  },
  {
    name: 'kiosk_enrolment_codes', action: 'delete',
    run: async (now) => (await sql()`delete from kiosk_enrolment_codes where expires_at < ${ago(now, 'days', KEEP.enrolmentCodeDays)}`).count,
  },
  {
    name: 'audit_details', action: 'anonymise', run: async (now) => {
      const r = await sql().begin(async (tx) => {
        await tx`select set_config('app.retention', 'on', true)`
        return tx`update audit_log set details = '{}' where details <> '{}'::jsonb and at < ${ago(now, 'years', KEEP.auditDetailYears)}`
      })
      return r.count
    },
  },
]

/**
 * Sessions past their expiry (a citizen session holds the personnummer, a kiosk visit its library card).
 * Drafts that belong to a person or a library card are let go of first, as at logout; anonymous drafts
 * and BankID orders end with the session.
 */
async function purgeExpiredSessions(now: Date): Promise<number> {
  return sql().begin(async (tx) => {
    await tx`update drafts set session_hash = null
      where (owner_personnummer is not null or owner_library_card is not null)
        and session_hash in (select token_hash from sessions where expires_at < ${now})`
    return (await tx`delete from sessions where expires_at < ${now}`).count
  })
}

/** Runs every clock and logs in the gallringslogg what each removed. */
export async function runClocks(now = new Date()): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const clock of CLOCKS) {
    const n = await clock.run(now)
    counts[clock.name] = n
    if (n > 0) await sql()`insert into retention_log (rule, action, counts) values (${clock.name}, ${clock.action}, ${sql().json({ rows: n })})`
  }
  return counts
}
