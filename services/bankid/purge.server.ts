import { sql } from '../db/sql.server.ts'

/** How long a finished or expired order is kept: long enough for a late reload to find its receipt. */
export const ORDER_KEEP_HOURS = 24

/**
 * Deletes BankID orders that finished (or never finished and so expired — BankID ends an order within
 * minutes) more than `keepHours` ago. A signed case keeps its proof in case_signatures, so nothing a case
 * relies on goes. Returns how many were deleted.
 */
export async function purgeOldOrders(keepHours = ORDER_KEEP_HOURS): Promise<number> {
  const cutoff = sql()`now() - make_interval(hours => ${keepHours}::int)`
  const deleted = await sql()`
    delete from bankid_orders where started_at < ${cutoff} and coalesce(finished_at, started_at) < ${cutoff}`
  return deleted.count
}
