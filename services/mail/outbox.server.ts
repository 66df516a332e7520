import { sql } from '../db/sql.server.ts'

export type OutgoingMail = { to: string; subject: string; text: string }
export type Send = (mail: OutgoingMail) => Promise<void>

/**
 * Attempts before a mail is given up (and shown as failed on the outbox page): with the backoff below
 * that is about a day of trying, long enough to ride out an SMTP server's maintenance window.
 */
export const MAX_ATTEMPTS = 10
/** 30 s, 1 min, 2 min … doubling, at most 4 h between attempts. */
export const backoffSeconds = (attempts: number) => Math.min(30 * 2 ** Math.max(0, attempts - 1), 4 * 3600)

const BATCH = 20

/**
 * Sends what is due, oldest first. Rows are locked with SKIP LOCKED, so several portal processes can run
 * the worker side by side without sending a mail twice. A failure only moves the row's next attempt
 * (or, after MAX_ATTEMPTS, marks it failed): the case event it tells about was committed long before.
 */
export async function sendDueMails(send: Send): Promise<{ sent: number; failed: number }> {
  return sql().begin(async (tx) => {
    const due = await tx<{ id: string; payload: OutgoingMail; attempts: number }[]>`
      select id, payload, attempts from outbox
      where sent_at is null and failed_at is null and next_at <= now() and kind = 'email'
      order by next_at, id limit ${BATCH} for update skip locked`
    let sent = 0
    let failed = 0
    for (const row of due) {
      const attempts = row.attempts + 1
      try {
        await send(row.payload)
        await tx`update outbox set sent_at = now(), attempts = ${attempts}, last_error = null where id = ${row.id}`
        sent++
      } catch (e) {
        failed++
        const error = (e instanceof Error ? e.message : String(e)).slice(0, 500)
        if (attempts >= MAX_ATTEMPTS) await tx`update outbox set attempts = ${attempts}, failed_at = now(), last_error = ${error} where id = ${row.id}`
        else await tx`update outbox set attempts = ${attempts}, last_error = ${error},
          next_at = now() + make_interval(secs => ${backoffSeconds(attempts)}) where id = ${row.id}`
      }
    }
    return { sent, failed }
  })
}

export type OutboxRow = {
  id: string; caseNumber: string | null; to: string; subject: string; text: string; about: string | null
  createdAt: Date; sentAt: Date | null; failedAt: Date | null; attempts: number; nextAt: Date; lastError: string | null
}

/** The newest mails with their delivery state, for the admins' outbox page. */
export async function recentOutbox(limit = 100): Promise<OutboxRow[]> {
  return sql()<OutboxRow[]>`
    select o.id, c.number as "caseNumber", o.payload->>'to' as to, o.payload->>'subject' as subject, o.payload->>'text' as text,
           o.payload->>'about' as about, o.created_at as "createdAt", o.sent_at as "sentAt", o.failed_at as "failedAt", o.attempts,
           o.next_at as "nextAt", o.last_error as "lastError"
    from outbox o left join cases c on c.id = o.case_id
    order by o.created_at desc, o.id desc limit ${limit}`
}

/** Puts a failed mail back in line, e.g. after fixing an address or the SMTP settings. */
export async function retryMail(id: string): Promise<void> {
  await sql()`update outbox set failed_at = null, next_at = now() where id = ${id} and sent_at is null`
}
