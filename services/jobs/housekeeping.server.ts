import { runRetention } from '../retention/job.server.ts'
import { repeat } from './repeat.server.ts'
import { sendDailyDigests } from './daily-digest.server.ts'

export const HOUSEKEEPING_MS = 60 * 60 * 1000

/**
 * Periodic clean-up in every portal process: retention of cases by the records plan and every other table's
 * clock (services/retention/); and the team leads' daily digest, sent once a day (ADR 031). Each step is
 * idempotent or takes a lock, so several processes may run it.
 */
export function startHousekeeping(intervalMs = HOUSEKEEPING_MS): { stop(): Promise<void> } {
  return repeat('Housekeeping', async () => {
    const r = await runRetention()
    const rows = Object.values(r.clocks).reduce((a, b) => a + b, 0)
    if (r.cases || rows) console.info(`Housekeeping: ${r.cases} cases past their retention, ${rows} other rows past their clocks`)
    await sendDailyDigests(new Date())
  }, intervalMs)
}
