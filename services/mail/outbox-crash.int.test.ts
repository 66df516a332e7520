import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { runMigrations } from 'graphile-worker'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { FAULT, receiveCase } from '#tests/case-fixtures.ts'
import { freshDatabase } from '#tests/db.ts'
import type { Sql } from '../db/sql.server.ts'
import { startMailCatcher } from './catcher.server.ts'

let db: Sql
let drop: () => Promise<void>
beforeAll(async () => ({ db, drop } = await freshDatabase()))
afterAll(() => drop())

/** `npm run jobs` as its own process (node with tsx's loader: one process, so SIGKILL kills the runner itself). */
function jobRunner(smtpUrl: string): { child: ChildProcess; output: () => string } {
  let output = ''
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/jobs.ts'], {
    env: { ...process.env, APP_ENV: 'test', SMTP_URL: smtpUrl, MAIL_FROM: 'Tyresö kommun <no-reply@example.invalid>', OUTBOX_LEASE_SECONDS: '3' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()))
  return { child, output: () => output }
}

describe('the outbox when the job runner is killed', () => {
  it('sends a mail killed between SMTP and its "sent" mark once more, with the same Message-ID, and no more', { timeout: 90_000 }, async () => {
    await runMigrations({ connectionString: process.env.DATABASE_URL })
    const c = await receiveCase({ ...FAULT, wantsFeedback: true, email: 'krasch@example.com' })
    const [{ id }] = (await db`select id from outbox where case_id = ${c.id}`) as unknown as [{ id: string }]

    // On the first delivery the test holds the mail's row lock before the SMTP server answers "250 taken",
    // so the runner's "sent" mark is sure to be waiting, and then the runner is killed with SIGKILL.
    const lock = await db.reserve()
    let first = true
    let received!: () => void
    const delivered = new Promise<void>((r) => (received = r))
    const catcher = await startMailCatcher(0, async () => {
      if (!first) return
      first = false
      await lock`begin`
      await lock`select 1 from outbox where id = ${id} for update`
      received()
    })
    const runs = [jobRunner(catcher.url)]
    try {
      await delivered
      const [blocked] = await vi.waitFor(async () => {
        const rows = await db<{ pid: number }[]>`select pid from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock' and query like 'update outbox set sent_at%'`
        expect(rows).toHaveLength(1)
        return rows
      }, { timeout: 10_000, interval: 50 })
      runs[0]!.child.kill('SIGKILL')
      await once(runs[0]!.child, 'exit')
      // The dead runner's statement dies with it, as its connection would.
      await db`select pg_terminate_backend(${blocked!.pid})`
      await lock`rollback`
      lock.release()
      const [claimed] = await db`select sent_at, attempts, sending_until is not null as claimed from outbox where id = ${id}`
      expect(claimed).toEqual({ sent_at: null, attempts: 1, claimed: true })
      expect(catcher.mails).toHaveLength(1)

      // A new runner: the claim's lease ends, the mail comes due and goes again.
      runs.push(jobRunner(catcher.url))
      await vi.waitFor(async () => expect((await db`select sent_at from outbox where id = ${id}`)[0]!.sent_at).not.toBeNull(), { timeout: 30_000, interval: 200 })
      const [sent] = await db`select attempts, sending_until from outbox where id = ${id}`
      expect(sent).toEqual({ attempts: 2, sending_until: null })

      // Exactly one repeat, recognisable by its Message-ID, which both copies share.
      const copies = catcher.mails.filter((m) => m.subject.includes(c.number))
      expect(copies).toHaveLength(2)
      expect(new Set(copies.map((m) => m.messageId))).toEqual(new Set([`<outbox-${id}@example.invalid>`]))
    } catch (e) {
      for (const r of runs) console.error(r.output())
      throw e
    } finally {
      for (const r of runs) {
        if (r.child.exitCode === null && r.child.signalCode === null) {
          r.child.kill('SIGTERM')
          await once(r.child, 'exit')
        }
      }
      await catcher.stop()
    }
  })
})
