import type { Tx } from '../db/sql.server.ts'

/** One batch of due cases of one rule: `deleted` go entirely, `anonymised` keep what statistics read. */
export type CaseBatch = { all: string[]; deleted: string[]; anonymised: string[] }
type CaseStep = { name: string; run: (tx: Tx, b: CaseBatch) => Promise<number> }

const n = async (q: Promise<{ count: number }>) => (await q).count

/** Event keys that carry no person (ids of options, outcomes, departments); everything else in an event goes. */
const EVENT_KEYS_KEPT = ['channel', 'location', 'outcome', 'decision', 'appealable', 'department', 'team', 'item', 'ok', 'flag', 'requestSeq', 'direction', 'delivery', 'letterSeq', 'kind']

/**
 * Every table that holds a case's personal data, in foreign-key order (what hangs on a case before the case),
 * each step one set-based statement over the batch. A new table with a case's personal data is one line here.
 */
export const CASE_STEPS: CaseStep[] = [
  { name: 'attachments', run: (tx, b) => n(tx`delete from attachments where case_id = any(${b.all}::uuid[])`) },
  { name: 'outbox', run: (tx, b) => n(tx`delete from outbox where case_id = any(${b.all}::uuid[])`) },
  { name: 'signatures', run: (tx, b) => n(tx`delete from case_signatures where case_id = any(${b.all}::uuid[])`) },
  { name: 'bankidOrders', run: (tx, b) => n(tx`delete from bankid_orders where case_id = any(${b.all}::uuid[])`) },
  // Who opened the case stays (accountability); what they searched or saw goes, and a deleted case's link.
  {
    name: 'audit', run: (tx, b) => n(tx`update audit_log set details = '{}',
      case_id = case when case_id = any(${b.deleted}::uuid[]) then null else case_id end where case_id = any(${b.all}::uuid[])`),
  },
  // The filer's name and role in the register's history go with the case; the association's own row stays.
  // The citizen's personnummer, e-mail, phone and address, normalised for lookups (ADR 031): they go with the answers.
  { name: 'contacts', run: (tx, b) => n(tx`delete from case_contacts where case_id = any(${b.all}::uuid[])`) },
  // A posted letter's frozen name and address (ADR 034) go with the answers they were taken from.
  { name: 'letters', run: (tx, b) => n(tx`delete from postal_letters where case_id = any(${b.all}::uuid[])`) },
  { name: 'associationHistory', run: (tx, b) => n(tx`delete from association_history where case_id = any(${b.all}::uuid[])`) },
  {
    name: 'events', run: async (tx, b) => await n(tx`delete from case_events where case_id = any(${b.deleted}::uuid[])`) + await n(tx`
      update case_events set actor = jsonb_build_object('kind', actor->'kind'),
        data = coalesce((select jsonb_object_agg(k, v) from jsonb_each(data) as d(k, v) where k = any(${EVENT_KEYS_KEPT}::text[])), '{}')
      where case_id = any(${b.anonymised}::uuid[])`),
  },
  { name: 'searchVectors', run: nullSearchVectors },
  {
    name: 'cases', run: async (tx, b) => {
      await tx`delete from case_state where case_id = any(${b.deleted}::uuid[])`
      await tx`update case_state set anonymised_at = now() where case_id = any(${b.anonymised}::uuid[])`
      return await n(tx`delete from cases where id = any(${b.deleted}::uuid[])`) +
        await n(tx`update cases set answers = '{}', applicant = null, completeness = '{}' where id = any(${b.anonymised}::uuid[])`)
    },
  },
]

/**
 * Every tsvector column of cases is cleared for an anonymised case: a generated one (search_vector) empties
 * itself with the answers; a plain one (such as a vector of sensitive words) is set to null here, whatever
 * its name. A deleted case's vectors go with its row.
 */
async function nullSearchVectors(tx: Tx, b: CaseBatch): Promise<number> {
  if (!b.anonymised.length) return 0
  const columns = await tx<{ name: string }[]>`
    select column_name as name from information_schema.columns
    where table_schema = current_schema() and table_name = 'cases' and data_type = 'tsvector' and is_generated = 'NEVER'`
  if (!columns.length) return 0
  return n(tx`update cases set ${tx(Object.fromEntries(columns.map((c) => [c.name, null])))} where id = any(${b.anonymised}::uuid[])`)
}
