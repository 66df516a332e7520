import { sql } from '../db/sql.server.ts'
import { runRetention } from '../retention/job.server.ts'
import { log } from '../log/logger.server.ts'

/** The jobs page shows the last run of each schedule; a month of runs is plenty to look back on. */
export const KEEP_JOB_RUNS_DAYS = 30

/**
 * Retention of cases by the records plan and every other table's clock (services/retention/): the hourly
 * scheduled job (services/jobs/schedules.ts). Each step is idempotent or takes a lock, so a retry is safe.
 * It also trims the log of job runs, which holds no personal data and so is no retention clock.
 */
export async function housekeeping(): Promise<void> {
  const r = await runRetention()
  const rows = Object.values(r.clocks).reduce((a, b) => a + b, 0)
  if (r.cases || rows) log.info(`Housekeeping: ${r.cases} cases past their retention, ${rows} other rows past their clocks`)
  await sql()`delete from job_runs where started_at < now() - make_interval(days => ${KEEP_JOB_RUNS_DAYS})`
}
