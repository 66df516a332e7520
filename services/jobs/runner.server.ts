import { Logger, parseCronItems, run, type JobHelpers, type Runner, type Task } from 'graphile-worker'
import pg from 'pg'
import { draftHousekeeping } from '../drafts/housekeeping.server.ts'
import { sql } from '../db/sql.server.ts'
import { env } from '../env.server.ts'
import { log } from '../log/logger.server.ts'
import { nextMailDue, sendDueMails, type Send } from '../mail/outbox.server.ts'
import { sendDailyDigests } from './daily-digest.server.ts'
import { housekeeping } from './housekeeping.server.ts'
import { SCHEDULES, type Schedule } from './schedules.ts'

/**
 * Only warnings and errors reach the log: graphile-worker reports every completed job at info level, which
 * for the mail sender would be a line per wake-up. Job payloads never carry personal data (ADR 027).
 */
const logger = new Logger(() => (level, message) => {
  if (level === 'error') log.error(`Jobs: ${message}`)
  else if (level === 'warning') log.warn(`Jobs: ${message}`)
})

/**
 * Runs `work` as a scheduled job, recording the run against the schedule tick it serves (job_runs): the
 * jobs page shows each schedule's last run, and the tests count runs per tick. Jobs added by hand (the
 * outbox's wake-ups) carry no tick and are not recorded.
 */
function recorded(task: Schedule['task'], work: (helpers: JobHelpers) => Promise<void>): Task {
  return async (payload, helpers) => {
    const tick = (payload as { _cron?: { ts?: string } } | null)?._cron?.ts
    if (!tick) return work(helpers)
    const [row] = await sql()<{ id: string }[]>`
      insert into job_runs (task, tick, attempt, runner) values (${task}, ${tick}, ${helpers.job.attempts}, ${helpers.job.locked_by})
      returning id`
    try {
      await work(helpers)
      await sql()`update job_runs set finished_at = now() where id = ${row!.id}`
    } catch (e) {
      await sql()`update job_runs set finished_at = now(), error = ${(e instanceof Error ? e.message : String(e)).slice(0, 500)} where id = ${row!.id}`
      throw e
    }
  }
}

/**
 * Sends due mail until none is due (a mail that committed while this job ran, whose writer saw this job
 * waiting and queued no other, is due now), then asks to be woken when the next unsent mail comes due (a
 * retry's backoff, or the lease of a crashed sender's claim). One key keeps that wake-up a single job.
 */
function outboxTask(send: Send) {
  return async (helpers: JobHelpers) => {
    let next: Awaited<ReturnType<typeof nextMailDue>>
    do {
      await sendDueMails(send)
      next = await nextMailDue()
    } while (next?.due)
    if (next) await helpers.addJob('outbox', {}, { runAt: next.at, jobKey: 'outbox:next', jobKeyMode: 'replace' })
  }
}

/** How the job runner's connections show in pg_stat_activity. */
export const JOB_RUNNER_APPLICATION = 'e-tjanster jobs'

export type JobsOptions = {
  /** The SMTP sender; without one (production without SMTP_URL) mail waits in the outbox. */
  send?: Send | null
  /** After downtime, run the ticks missed within this many milliseconds (0: only ticks from now on). */
  backfillMs?: number
  /** Jobs run at once in this process; a hanging SMTP server then holds up only one of them. */
  concurrency?: number
}

/**
 * Starts this process's job runner on the portal's database: the schedules of services/jobs/schedules.ts
 * and the outbox sender. Any number of processes on any number of hosts may run one; graphile-worker gives
 * each job to one of them and each schedule tick becomes one job (ADR 027). Its schema is migrated here.
 */
export async function startJobs(opts: JobsOptions = {}): Promise<Jobs> {
  const tasks: Record<Schedule['task'], (helpers: JobHelpers) => Promise<void>> = {
    housekeeping: () => housekeeping(),
    drafts: async () => void (await draftHousekeeping()),
    digest: async () => void (await sendDailyDigests(new Date())),
    outbox: opts.send ? outboxTask(opts.send) : async () => {},
  }
  // Without a sender the outbox job is not taken at all, so it waits for a process that can send.
  const schedules = SCHEDULES.filter((s) => s.task !== 'outbox' || opts.send)
  // The runner's own pool, with error handlers for its whole life: graphile-worker drops the handlers of a pool
  // it made as it stops, and a database that goes away meanwhile (an outage, or Ctrl-C reaching the embedded
  // PostgreSQL first) would then end the process with an unhandled 'error' event.
  const pool = new pg.Pool({ connectionString: env().DATABASE_URL, max: 4, application_name: JOB_RUNNER_APPLICATION })
  const lost = (e: Error) => log.warn(`Jobs: a database connection ended (${e.message})`)
  pool.on('error', lost)
  pool.on('connect', (client) => client.on('error', lost))
  const start = async () => {
    const runner = await run({
      pgPool: pool,
      concurrency: opts.concurrency ?? 2,
      noHandleSignals: true,
      logger,
      // Completions and failures go through graphile-worker's batcher (at once: no delay). Unbatched, a job's
      // completion is a promise nobody awaits, and a connection cut under it (57P01) rejected unhandled and
      // ended the whole portal process; batched, the error reaches the pool, which stops, and is started again below.
      preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
      taskList: Object.fromEntries(schedules.map((s) => [s.task, recorded(s.task, tasks[s.task])])),
      parsedCronItems: parseCronItems(schedules.map((s) => ({
        task: s.task, match: s.cron, identifier: s.task,
        options: { maxAttempts: s.maxAttempts, backfillPeriod: opts.backfillMs ?? 0 },
      }))),
    })
    // Mail that waited while no sender ran (or a crashed sender's claims) goes now.
    if (opts.send) await runner.addJob('outbox', {}, { jobKey: 'outbox', jobKeyMode: 'preserve_run_at' })
    return runner
  }

  let current = await start()
  let stopping = false
  let restart: ReturnType<typeof setTimeout> | undefined
  let restarts = 0
  // A runner that stops on its own (its database lost under a job's completion) is started again, at growing
  // intervals while the database stays away, so scheduled jobs and mail carry on without a restart of the portal.
  const supervise = (runner: Runner) => {
    const startedAt = Date.now()
    void runner.promise.then(() => 'on its own', (e: unknown) => (e instanceof Error ? e.message : String(e))).then((why) => {
      if (stopping) return
      if (Date.now() - startedAt > RESTART_CALM_MS) restarts = 0
      const wait = Math.min(RESTART_MAX_MS, RESTART_FIRST_MS * 2 ** restarts++)
      log.warn(`Jobs: the job runner stopped (${why}); starting it again in ${wait} ms`)
      const again = () => {
        restart = setTimeout(() => {
          start().then((r) => {
            if (stopping) return void r.stop().catch(() => {})
            current = r
            supervise(r)
          }, (e: unknown) => {
            if (stopping) return
            log.warn(`Jobs: the job runner could not start (${e instanceof Error ? e.message : String(e)}); trying again`)
            again()
          })
        }, wait)
      }
      again()
    })
  }
  supervise(current)
  return {
    get runner() {
      return current
    },
    async stop() {
      stopping = true
      clearTimeout(restart)
      await current.stop().catch(() => {})
      await pool.end()
    },
  }
}

export type Jobs = {
  /** The runner now at work (a new one after a restart). */
  readonly runner: Runner
  stop(): Promise<void>
}

/** The first restart waits this long, and each one after it twice as long, up to RESTART_MAX_MS. */
const RESTART_FIRST_MS = 1000
const RESTART_MAX_MS = 60_000
/** A runner that worked this long before it stopped starts the backoff afresh. */
const RESTART_CALM_MS = 5 * 60_000
