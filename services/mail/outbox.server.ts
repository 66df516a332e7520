import { sql } from '../db/sql.server.ts'
import { env } from '../env.server.ts'

export type OutgoingMail = { to: string; subject: string; text: string }
/** Sends one mail of the outbox row `id` (the sender derives its Message-ID from it, services/mail/worker.server.ts). */
export type Send = (mail: OutgoingMail & { id: string }) => Promise<void>

/**
 * Attempts before a mail is given up (and shown as failed on the outbox page): with the backoff below
 * that is about a day of trying, long enough to ride out an SMTP server's maintenance window.
 */
export const MAX_ATTEMPTS = 10
/** 30 s, 1 min, 2 min … doubling, at most 4 h between attempts. */
export const backoffSeconds = (attempts: number) => Math.min(30 * 2 ** Math.max(0, attempts - 1), 4 * 3600)

/**
 * How long a claim holds a mail. It must outlast sending one batch (BATCH mails, each bounded by the SMTP
 * sender's socket timeouts, services/mail/worker.server.ts); a sender that dies leaves its mails to come
 * due again after it. OUTBOX_LEASE_SECONDS shortens it for the crash test.
 */
export const leaseSeconds = () => env().OUTBOX_LEASE_SECONDS
const BATCH = 10

type Claimed = { id: string; payload: OutgoingMail; attempts: number }

/**
 * Claims up to BATCH due mails in one autocommitted statement: each gets its attempt counted and next_at
 * moved past the lease. SKIP LOCKED lets several senders claim side by side; each mail goes to one.
 */
async function claimDueMails(): Promise<Claimed[]> {
  const lease = leaseSeconds()
  return sql()<Claimed[]>`
    update outbox o set attempts = o.attempts + 1,
      next_at = now() + make_interval(secs => ${lease}), sending_until = now() + make_interval(secs => ${lease})
    from (select id from outbox
          where sent_at is null and failed_at is null and next_at <= now() and kind = 'email'
          order by next_at, id limit ${BATCH} for update skip locked) due
    where o.id = due.id
    returning o.id, o.payload, o.attempts`
}

/**
 * Sends what is due, oldest first, with no transaction open while SMTP talks: claim (committed), send,
 * then mark each mail sent in a statement of its own. A crash between a send and its mark leaves the mail
 * claimed; it is sent again when the lease ends, with the same Message-ID (ADR 027). A failure only moves
 * the row's next attempt (or, after MAX_ATTEMPTS, marks it failed): the case event it tells about was
 * committed long before.
 */
export async function sendDueMails(send: Send): Promise<{ sent: number; failed: number }> {
  let sent = 0
  let failed = 0
  for (;;) {
    const claimed = await claimDueMails()
    for (const row of claimed) {
      try {
        await send({ to: row.payload.to, subject: row.payload.subject, text: row.payload.text, id: row.id })
      } catch (e) {
        failed++
        const error = (e instanceof Error ? e.message : String(e)).slice(0, 500)
        if (row.attempts >= MAX_ATTEMPTS) await sql()`update outbox set failed_at = now(), sending_until = null, last_error = ${error} where id = ${row.id}`
        else await sql()`update outbox set last_error = ${error}, sending_until = null,
          next_at = now() + make_interval(secs => ${backoffSeconds(row.attempts)}) where id = ${row.id}`
        continue
      }
      await sql()`update outbox set sent_at = now(), sending_until = null, last_error = null where id = ${row.id}`
      sent++
    }
    if (claimed.length < BATCH) return { sent, failed }
  }
}

/**
 * When the next unsent mail comes due (a retry's backoff or a lease ending), so the sender can wake then;
 * `due` when that is already now, by the database's clock, which is the one the claim goes by.
 */
export async function nextMailDue(): Promise<{ at: Date; due: boolean } | null> {
  const [row] = await sql()<{ at: Date | null; due: boolean }[]>`
    select min(next_at) as at, coalesce(min(next_at) <= now(), false) as due from outbox
    where sent_at is null and failed_at is null and kind = 'email'`
  return row?.at ? { at: row.at, due: row.due } : null
}

export type OutboxRow = {
  id: string; caseNumber: string | null; to: string; subject: string; text: string; about: string | null
  createdAt: Date; sentAt: Date | null; failedAt: Date | null; attempts: number; nextAt: Date; lastError: string | null
  sending: boolean
}

/** The newest mails with their delivery state, for the admins' outbox page. */
export async function recentOutbox(limit = 100): Promise<OutboxRow[]> {
  return sql()<OutboxRow[]>`
    select o.id, c.number as "caseNumber", o.payload->>'to' as to, o.payload->>'subject' as subject, o.payload->>'text' as text,
           o.payload->>'about' as about, o.created_at as "createdAt", o.sent_at as "sentAt", o.failed_at as "failedAt", o.attempts,
           o.next_at as "nextAt", o.last_error as "lastError", coalesce(o.sending_until > now(), false) as sending
    from outbox o left join cases c on c.id = o.case_id
    order by o.created_at desc, o.id desc limit ${limit}`
}

/** Puts a failed mail back in line, e.g. after fixing an address or the SMTP settings. */
export async function retryMail(id: string): Promise<void> {
  await sql().begin(async (tx) => {
    await tx`update outbox set failed_at = null, next_at = now() where id = ${id} and sent_at is null`
    await tx`select wake_outbox_sender()`
  })
}
