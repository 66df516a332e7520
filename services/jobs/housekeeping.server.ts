import { purgeOldOrders } from '../bankid/purge.server.ts'
import { deleteEndedWindows } from '../limits/limiter.server.ts'
import { repeat } from './repeat.server.ts'

export const HOUSEKEEPING_MS = 60 * 60 * 1000

/** Periodic clean-up in every portal process (each delete is idempotent, so several processes may run it). */
export function startHousekeeping(intervalMs = HOUSEKEEPING_MS): { stop(): Promise<void> } {
  return repeat('Housekeeping', async () => {
    const orders = await purgeOldOrders()
    if (orders > 0) console.info(`Housekeeping: deleted ${orders} finished BankID orders`)
    // Abuse-limit counters (services/limits) whose window has ended.
    await deleteEndedWindows()
  }, intervalMs)
}
