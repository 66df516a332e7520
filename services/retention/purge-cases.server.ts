import { municipality } from '../config/municipality.server.ts'
import { sql, type Tx } from '../db/sql.server.ts'
import { CASE_STEPS } from './case-steps.server.ts'
import { dueCases } from './due.server.ts'
import { ruleRows, type RuleRow } from './rules.ts'

/** Cases per transaction: large enough that 100,000 due cases take a few dozen statements each, small enough for short locks. */
export const CASE_BATCH = 2000

type Due = { case_id: string; number: string; rule: string; decision: string; action: 'delete' | 'anonymise' }

/** Only one process runs a batch at a time; the others find the lock taken and leave the work to it. */
const LOCK = 0x67616c6c // "gall"

/**
 * Deletes or anonymises the cases due by `now` under the profile's rules, batch by batch, and writes the
 * gallringslogg in the same transaction as each batch. Returns how many cases went.
 */
export async function purgeDueCases(now = new Date(), rules: readonly RuleRow[] = ruleRows(municipality().retention)): Promise<number> {
  if (!rules.length) return 0
  let total = 0
  for (;;) {
    // Until a batch finds nothing: a nyinflyttad request becomes due once the batch before took its sub-cases.
    const done = await sql().begin((tx) => purgeBatch(tx, rules, now))
    if (!done) return total
    total += done
  }
}

async function purgeBatch(tx: Tx, rules: readonly RuleRow[], now: Date): Promise<number> {
  const [lock] = await tx<{ ok: boolean }[]>`select pg_try_advisory_xact_lock(${LOCK}) as ok`
  if (!lock?.ok) return 0
  // Lets this transaction past the append-only guards (migration 00014).
  await tx`select set_config('app.retention', 'on', true)`
  const due = await tx<Due[]>`
    select d.case_id, d.number, d.rule, d.decision, d.action from (${dueCases(tx, rules, now)}) d
    where d.waiting is null limit ${CASE_BATCH}`
  const groups = new Map<string, Due[]>()
  for (const d of due) {
    const key = `${d.rule} ${d.action}`
    const group = groups.get(key)
    if (group) group.push(d)
    else groups.set(key, [d])
  }
  for (const group of groups.values()) {
    const ids = group.map((d) => d.case_id)
    const { action, rule, decision } = group[0]!
    const batch = { all: ids, deleted: action === 'delete' ? ids : [], anonymised: action === 'anonymise' ? ids : [] }
    const counts: Record<string, number> = {}
    for (const step of CASE_STEPS) counts[step.name] = await step.run(tx, batch)
    await tx`insert into retention_log (rule, decision, action, case_numbers, counts)
      values (${rule}, ${decision}, ${action}, ${group.map((d) => d.number)}::text[], ${tx.json(counts)})`
  }
  return due.length
}
