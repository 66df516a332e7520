import type { Tx } from '../db/sql.server.ts'

/**
 * The next human case number, e.g. FEL-2026-000123: gapless per prefix and year, because the
 * counter row is locked until the receiving transaction commits.
 */
export async function nextCaseNumber(tx: Tx, prefix: string, year: number): Promise<string> {
  const [row] = await tx<{ last: number }[]>`
    insert into case_number_counters (prefix, year, last) values (${prefix}, ${year}, 1)
    on conflict (prefix, year) do update set last = case_number_counters.last + 1
    returning last`
  return `${prefix}-${year}-${String(row!.last).padStart(6, '0')}`
}
