import { sql, type Sql } from '../db/sql.server.ts'
import { queueBudgetAlert } from './budget-alert.server.ts'
import { clientRules, type LimitedClient } from './client.server.ts'
import { limitsConfig } from './config.server.ts'
import type { LimitsConfig } from './config.ts'
import { consume } from './limiter.server.ts'

export type UploadVerdict = { ok: true } | { ok: false; reason: 'client' | 'budget'; retryAfterSeconds: number }

const DAY_SECONDS = 24 * 3600
/** The one counter of every upload today. */
export const BUDGET_KEY = 'upload:day'

/**
 * Counts a page's new upload bytes (issue 10: 129 MB in 17 s) against the client's limits and then, only if
 * those allow it, against the day's budget for everyone — so one client being refused cannot use up the
 * budget of all others. The request that carries the total across the alert share queues the staff alert:
 * each addition sees a distinct running total, so exactly one request crosses, on whichever process or host.
 */
export async function checkUploadAllowance(client: LimitedClient, bytes: number, cfg: LimitsConfig = limitsConfig(), db: Sql = sql()): Promise<UploadVerdict> {
  if (!cfg.enabled || bytes <= 0) return { ok: true }
  const own = await consume(clientRules(client, 'upload', { unit: 'maxBytes', ...cfg.upload }), { hits: 1, bytes }, db)
  if (!own.ok) return { ok: false, reason: 'client', retryAfterSeconds: own.retryAfterSeconds }
  const { bytesPerDay, alertShare } = cfg.budget
  const day = await consume([{ key: BUDGET_KEY, windowSeconds: DAY_SECONDS, maxBytes: bytesPerDay, fixed: true }], { hits: 1, bytes }, db)
  const after = day.counted[0]?.bytes ?? 0
  const threshold = bytesPerDay * alertShare
  if (after - bytes < threshold && after >= threshold) await queueBudgetAlert(db, { used: after, budget: bytesPerDay, to: cfg.budget.alertTo })
  return day.ok ? { ok: true } : { ok: false, reason: 'budget', retryAfterSeconds: day.retryAfterSeconds }
}
