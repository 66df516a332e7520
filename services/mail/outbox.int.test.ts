import { createServer, type Socket } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FAULT, receiveCase } from '#tests/case-fixtures.ts'
import { freshDatabase } from '#tests/db.ts'
import type { Sql } from '../db/sql.server.ts'
import { startMailCatcher } from './catcher.server.ts'
import { backoffSeconds, MAX_ATTEMPTS, sendDueMails } from './outbox.server.ts'
import { messageIdFor, smtpSender } from './worker.server.ts'

let db: Sql
let drop: () => Promise<void>
beforeAll(async () => ({ db, drop } = await freshDatabase()))
afterAll(() => drop())

describe('the e-mail outbox', () => {
  it('sends a queued receipt over real SMTP and marks it sent', async () => {
    const catcher = await startMailCatcher()
    try {
      const c = await receiveCase({ ...FAULT, wantsFeedback: true, email: 'asa@example.com' })
      const r = await sendDueMails(smtpSender(catcher.url, 'Tyresö kommun <no-reply@example.invalid>'))
      expect(r.sent).toBeGreaterThanOrEqual(1)
      const mail = catcher.mails.find((m) => m.subject.includes(c.number))
      expect(mail).toMatchObject({ subject: `Vi har tagit emot ditt ärende ${c.number}` })
      expect(mail!.text).toContain('Tyresö kommun har tagit emot ditt ärende ”Felanmälan”')
      const [row] = await db`select id, sent_at, attempts, sending_until from outbox where case_id = ${c.id}`
      expect(row!.sent_at).not.toBeNull()
      expect(row!.attempts).toBe(1)
      expect(row!.sending_until).toBeNull()
      // The Message-ID comes from the outbox row, so a resend after a crash is recognisably the same mail.
      expect(mail!.messageId).toBe(`<outbox-${row!.id}@example.invalid>`)
      expect(messageIdFor(row!.id as string, 'Tyresö kommun <no-reply@example.invalid>')).toBe(mail!.messageId)
      // Sent once: a second round finds nothing due.
      expect((await sendDueMails(smtpSender(catcher.url))).sent).toBe(0)
    } finally {
      await catcher.stop()
    }
  })

  it('keeps a mail the SMTP server refuses, retries it later with backoff, and gives up only after many tries', async () => {
    const refusing = new SMTPServer({
      authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
      onRcptTo: (_a, _s, cb) => cb(Object.assign(new Error('Mailbox unavailable'), { responseCode: 450 })),
    })
    await new Promise<void>((r) => refusing.listen(0, '127.0.0.1', () => r()))
    const port = (refusing.server.address() as { port: number }).port
    try {
      const c = await receiveCase({ ...FAULT, wantsFeedback: true, email: 'fel@example.com' })
      await db`update outbox set next_at = now() - interval '1 second' where sent_at is null`
      await sendDueMails(smtpSender(`smtp://127.0.0.1:${port}`))
      const [row] = await db`select sent_at, failed_at, attempts, last_error, next_at > now() as later from outbox where case_id = ${c.id}`
      expect(row).toMatchObject({ sent_at: null, failed_at: null, attempts: 1, later: true })
      expect(row!.last_error).toMatch(/Mailbox unavailable/)
      // The case event it tells about is untouched.
      expect(await db`select type from case_events where case_id = ${c.id}`).toEqual([{ type: 'received' }])

      await db`update outbox set attempts = ${MAX_ATTEMPTS - 1}, next_at = now() where case_id = ${c.id}`
      await sendDueMails(smtpSender(`smtp://127.0.0.1:${port}`))
      const [gaveUp] = await db`select failed_at, attempts from outbox where case_id = ${c.id}`
      expect(gaveUp).toMatchObject({ attempts: MAX_ATTEMPTS })
      expect(gaveUp!.failed_at).not.toBeNull()
    } finally {
      await new Promise<void>((r) => refusing.close(() => r()))
    }
  })

  it('holds no transaction or row lock while an SMTP server hangs, and gives up on it by a socket timeout', async () => {
    // Accepts connections and never says a word: no greeting, no reply.
    const sockets: Socket[] = []
    let connected!: () => void
    const connection = new Promise<void>((r) => (connected = r))
    const hanging = createServer((socket) => {
      sockets.push(socket)
      connected()
    })
    await new Promise<void>((r) => hanging.listen(0, '127.0.0.1', () => r()))
    const port = (hanging.address() as { port: number }).port
    try {
      const c = await receiveCase({ ...FAULT, wantsFeedback: true, email: 'hang@example.com' })
      await db`update outbox set next_at = now() + interval '1 hour' where case_id <> ${c.id} and sent_at is null`
      const sending = sendDueMails(smtpSender(`smtp://127.0.0.1:${port}`, 'K <no-reply@example.invalid>', { connectionTimeout: 2000, greetingTimeout: 2000, socketTimeout: 2000 }))
      await connection
      // While SMTP hangs: no transaction of this database is open, and the mail's row can be written at once.
      const open = await db`select pid from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`
      expect(open).toHaveLength(0)
      const [claimed] = await db.begin(async (tx) => {
        await tx`set local lock_timeout = '1s'`
        return tx`update outbox set last_error = last_error where case_id = ${c.id} returning sending_until > now() as sending`
      })
      expect(claimed).toEqual({ sending: true })
      expect(await sending).toEqual({ sent: 0, failed: 1 })
      const [row] = await db`select sent_at, sending_until, attempts, last_error, next_at > now() as later from outbox where case_id = ${c.id}`
      expect(row).toMatchObject({ sent_at: null, sending_until: null, attempts: 1, later: true })
      expect(row!.last_error).toMatch(/Greeting never received|Timeout/)
    } finally {
      for (const s of sockets) s.destroy()
      await new Promise<void>((r) => hanging.close(() => r()))
    }
  })

  it('backs off exponentially up to a ceiling', () => {
    expect([1, 2, 3, 4].map(backoffSeconds)).toEqual([30, 60, 120, 240])
    expect(backoffSeconds(30)).toBe(4 * 3600)
  })
})
