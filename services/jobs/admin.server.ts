import { sql } from '../db/sql.server.ts'
import { SCHEDULES, type Schedule } from './schedules.ts'

export type FailedJob = { id: string; task: string; attempts: number; maxAttempts: number; lastError: string | null; failedAt: Date }
export type LastRun = { task: string; tick: Date; startedAt: Date; finishedAt: Date | null; error: string | null; attempt: number }

/** Whether a job runner has created the queue's schema on this database yet. */
async function queueInstalled(): Promise<boolean> {
  const [row] = await sql()<{ ok: boolean }[]>`select to_regnamespace('graphile_worker') is not null as ok`
  return Boolean(row?.ok)
}

/**
 * Jobs that used up their attempts and wait for an admin: the graphile-worker queue keeps them, with the
 * last error, until retried. Jobs still running are not failed yet, whatever their count says.
 */
export async function failedJobs(limit = 100): Promise<FailedJob[]> {
  if (!(await queueInstalled())) return []
  return sql()<FailedJob[]>`
    select id::text, task_identifier as task, attempts, max_attempts as "maxAttempts", last_error as "lastError", updated_at as "failedAt"
    from graphile_worker.jobs where attempts >= max_attempts and locked_at is null
    order by updated_at desc, id desc limit ${limit}`
}

/** Jobs that failed at least once and will be tried again, with when. */
export async function retryingJobs(limit = 100): Promise<(FailedJob & { runAt: Date })[]> {
  if (!(await queueInstalled())) return []
  return sql()<(FailedJob & { runAt: Date })[]>`
    select id::text, task_identifier as task, attempts, max_attempts as "maxAttempts", last_error as "lastError",
           updated_at as "failedAt", run_at as "runAt"
    from graphile_worker.jobs where attempts < max_attempts and last_error is not null
    order by run_at, id limit ${limit}`
}

/** Each schedule with its most recent run (the run of the latest tick, its latest attempt). */
export async function schedulesWithLastRun(): Promise<(Schedule & { last: LastRun | null })[]> {
  const runs = await sql()<LastRun[]>`
    select distinct on (task) task, tick, started_at as "startedAt", finished_at as "finishedAt", error, attempt
    from job_runs order by task, started_at desc, id desc`
  return SCHEDULES.map((s) => ({ ...s, last: runs.find((r) => r.task === s.task) ?? null }))
}

/** Puts a failed job back in line now, with its attempts counted afresh. False when there is no such failed job. */
export async function retryJob(id: string): Promise<boolean> {
  if (!/^\d{1,18}$/.test(id) || !(await queueInstalled())) return false
  const rows = await sql()`
    select graphile_worker.reschedule_jobs(array[j.id], run_at := now(), attempts := 0)
    from graphile_worker.jobs j where j.id = ${id}::bigint and j.attempts >= j.max_attempts and j.locked_at is null`
  return rows.length > 0
}
