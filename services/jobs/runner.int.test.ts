import { runMigrations } from 'graphile-worker'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { FAULT, receiveCase } from '#tests/case-fixtures.ts'
import { freshDatabase } from '#tests/db.ts'
import type { Sql } from '../db/sql.server.ts'
import { startMailCatcher } from '../mail/catcher.server.ts'
import { smtpSender } from '../mail/worker.server.ts'
import { JOB_RUNNER_APPLICATION, startJobs } from './runner.server.ts'

let db: Sql
let drop: () => Promise<void>
beforeAll(async () => ({ db, drop } = await freshDatabase()))
afterAll(() => drop())

type Tick = { task: string; tick: Date; runs: number }
const ticks = (task: string) => db<Tick[]>`select task, tick, count(*)::int as runs from job_runs where task = ${task} group by task, tick order by tick`
const MINUTE = 60_000

describe('scheduled jobs on the PostgreSQL job queue', () => {
  it('runs each schedule tick once with two job runners on one database, missed ticks and live ones alike', { timeout: 150_000 }, async () => {
    // The schedules have been known for ten minutes and nothing ran them (the portal was down): both runners
    // start at once and race to catch up every missed tick, then both wait for the next live one.
    await runMigrations({ connectionString: process.env.DATABASE_URL })
    await db`insert into graphile_worker._private_known_crontabs (identifier, known_since)
      select unnest(array['outbox', 'drafts', 'housekeeping']), now() - interval '10 minutes'`
    const catcher = await startMailCatcher()
    const send = smtpSender(catcher.url, 'K <no-reply@example.invalid>')
    const started = Date.now()
    const [a, b] = await Promise.all([startJobs({ send, backfillMs: 10 * MINUTE }), startJobs({ send, backfillMs: 10 * MINUTE })])
    try {
      // Every minute boundary in the ten minutes before the start is an outbox tick to catch up.
      const firstLive = Math.floor(started / MINUTE) * MINUTE + MINUTE
      const missed = Array.from({ length: 10 }, (_, i) => firstLive - (10 - i) * MINUTE).filter((t) => t > started - 10 * MINUTE)
      await vi.waitFor(async () => expect((await ticks('outbox')).length).toBeGreaterThanOrEqual(missed.length), { timeout: 30_000, interval: 200 })
      // The live tick: both runners' clocks reach it; one job is made and run.
      await vi.waitFor(async () => expect((await ticks('outbox')).map((t) => t.tick.getTime())).toContain(firstLive), { timeout: 80_000, interval: 500 })
      await vi.waitFor(async () => expect(await db`select 1 from graphile_worker.jobs where task_identifier = 'outbox'`).toHaveLength(0), { timeout: 10_000 })

      const outbox = await ticks('outbox')
      expect(outbox.map((t) => t.tick.getTime())).toEqual(expect.arrayContaining([...missed, firstLive]))
      expect(outbox.filter((t) => t.runs !== 1)).toEqual([])
      // The quarter-hour drafts schedule and the hourly retention: whatever ticks fell in the window, once each.
      for (const task of ['drafts', 'housekeeping']) expect((await ticks(task)).filter((t) => t.runs !== 1)).toEqual([])
      const expectedDrafts = [...missed, firstLive].filter((t) => new Date(t).getUTCMinutes() % 15 === 0)
      expect((await ticks('drafts')).map((t) => t.tick.getTime())).toEqual(expect.arrayContaining(expectedDrafts))
      // Two runners did the work between them, each a run at a time: no tick twice, none lost.
      const runners = await db<{ runner: string }[]>`select distinct runner from job_runs`
      expect(runners.length).toBeGreaterThanOrEqual(1)
    } finally {
      await Promise.all([a.stop(), b.stop()])
      await catcher.stop()
    }
  })


  it('wakes the mail sender in the transaction that queues a mail, once for any number of waiting mails', async () => {
    await runMigrations({ connectionString: process.env.DATABASE_URL })
    const wakeUps = () => db`select id from graphile_worker.jobs where task_identifier = 'outbox' and key = 'outbox'`
    // A mail that rolls back wakes nobody.
    await db.begin(async (tx) => {
      await tx`insert into outbox (kind, payload) values ('email', ${tx.json({ to: 'x@example.invalid', subject: 'Ångrat', text: '.' })})`
      throw new Error('rolled back')
    }).catch(() => {})
    expect(await wakeUps()).toHaveLength(0)
    const c = await receiveCase({ ...FAULT, wantsFeedback: true, email: 'vakna@example.com' })
    expect(await wakeUps()).toHaveLength(1)
    await receiveCase({ ...FAULT, wantsFeedback: true, email: 'vakna2@example.com' })
    expect(await wakeUps()).toHaveLength(1)

    const catcher = await startMailCatcher()
    const jobs = await startJobs({ send: smtpSender(catcher.url, 'K <no-reply@example.invalid>') })
    try {
      await vi.waitFor(async () => expect(await db`select 1 from outbox where sent_at is null`).toHaveLength(0), { timeout: 20_000, interval: 100 })
      expect(catcher.mails.filter((m) => m.subject.includes(c.number))).toHaveLength(1)
      // A mail queued while the runner idles is sent too (its wake-up, checked above, is what sends it within seconds).
      const later = await receiveCase({ ...FAULT, wantsFeedback: true, email: 'direkt@example.com' })
      await vi.waitFor(() => expect(catcher.mails.some((m) => m.subject.includes(later.number))).toBe(true), { timeout: 20_000, interval: 50 })
    } finally {
      await jobs.stop()
      await catcher.stop()
    }
  })

  it('rides out its database connections being cut and sends again once they are back', async () => {
    const catcher = await startMailCatcher()
    const jobs = await startJobs({ send: smtpSender(catcher.url, 'K <no-reply@example.invalid>') })
    try {
      // Every connection of the job runner ends, its LISTEN included.
      const cut = await db`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and application_name = ${JOB_RUNNER_APPLICATION}`
      expect(cut.length).toBeGreaterThan(0)
      const c = await receiveCase({ ...FAULT, wantsFeedback: true, email: 'avbrott@example.com' })
      await vi.waitFor(() => expect(catcher.mails.some((m) => m.subject.includes(c.number))).toBe(true), { timeout: 25_000, interval: 100 })
    } finally {
      await jobs.stop()
      await catcher.stop()
    }
  })

  it('starts its runner again when the connection under a job\'s completion is cut, and the process carries on', async () => {
    // The first mail's job is held at its completion: a transaction here locks the job's row once the mail is
    // in, so the runner's "delete the completed job" waits on it, and that very connection is then cut (57P01).
    // Unbatched, graphile-worker left that rejection unhandled, which ends a Node process.
    let unlock = () => {}
    const locked = new Promise<void>((resolveLocked) => {
      const held = new Promise<void>((r) => (unlock = r))
      let first = true
      void startMailCatcher(0, async () => {
        if (!first) return
        first = false
        void db.begin(async (tx) => {
          await tx`select 1 from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
            where t.identifier = 'outbox' and j.locked_at is not null for update of j`
          resolveLocked()
          await held
        })
      }).then((c) => (catcher = c))
    })
    let catcher: Awaited<ReturnType<typeof startMailCatcher>> | undefined
    await vi.waitFor(() => expect(catcher).toBeDefined())
    const jobs = await startJobs({ send: smtpSender(catcher!.url, 'K <no-reply@example.invalid>') })
    try {
      const first = jobs.runner
      await receiveCase({ ...FAULT, wantsFeedback: true, email: 'fasthallen@example.com' })
      await locked
      await vi.waitFor(async () => expect(await db`select 1 from pg_stat_activity
        where application_name = ${JOB_RUNNER_APPLICATION} and wait_event_type = 'Lock'`).toHaveLength(1), { timeout: 10_000, interval: 50 })
      await db`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and application_name = ${JOB_RUNNER_APPLICATION}`
      unlock()
      // A new runner takes over, and mail keeps going out.
      await vi.waitFor(() => expect(jobs.runner).not.toBe(first), { timeout: 15_000, interval: 100 })
      const later = await receiveCase({ ...FAULT, wantsFeedback: true, email: 'efterat@example.com' })
      await vi.waitFor(() => expect(catcher!.mails.some((m) => m.subject.includes(later.number))).toBe(true), { timeout: 25_000, interval: 100 })
    } finally {
      unlock()
      await jobs.stop()
      await catcher?.stop()
    }
  })
})
