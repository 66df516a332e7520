import { registerChanges, registerDetails, type RegisterChanges, type RegisterDetails } from '#forms/foreningsbidrag/register.ts'
import { normaliseOrgnr, roleAnswers } from '#forms/kit/index.ts'
import type { ReceiptWrite } from '../cases/receipt-writes.server.ts'
import { sql } from '../db/sql.server.ts'

/**
 * Receiving a case of an e-service whose definition declares `register: 'associations'` (föreningsbidrag)
 * updates the association's entry in the register and appends what changed, by whom and through which case,
 * in the receipt's statement: the register never says something no received case says. The entry is locked
 * first (a transaction lock on its organisationsnummer, which also covers an association not yet in the
 * register), so two applications for one association at once are recorded one after the other, each diffed
 * against the other's result.
 */
export const updateRegisterWrite: ReceiptWrite = async ({ tx, input, plan }) => {
  if (input.def.register !== 'associations') return []
  const c = plan.row
  const details = registerDetails(c.answers)
  const orgnr = String(details.orgnr)
  const name = String(details.associationName)
  // Two statements sent together: the second's snapshot is taken once the lock is held, so it sees the entry
  // as the application before it left it.
  const [, [before]] = await Promise.all([
    tx`select pg_advisory_xact_lock(hashtextextended(${`associations:${orgnr}`}, 0))`,
    tx<{ details: RegisterDetails }[]>`select details from associations where orgnr = ${orgnr}`,
  ])
  const changes = registerChanges(before?.details ?? null, details)
  // Who filed: the BankID name, and the role in the association the definition says the signer answered.
  const actor = { name: typeof c.applicant?.name === 'string' ? c.applicant.name : null, role: roleAnswers(input.def, c.answers).signerRole }
  return [
    tx`ra as (
      insert into associations (orgnr, name, details, created_at, updated_at, updated_by_case)
      select ${orgnr}, ${name}, ${tx.json(details as never)}, ${c.receivedAt}, ${c.receivedAt}, c.id from c
      on conflict (orgnr) do update set name = excluded.name, details = excluded.details, updated_at = excluded.updated_at,
        updated_by_case = excluded.updated_by_case)`,
    tx`rh as (
      insert into association_history (orgnr, case_id, actor, changes, at)
      select ${orgnr}, c.id, ${tx.json(actor as never)}, ${tx.json(changes as never)}, ${c.receivedAt} from c)`,
  ]
}

export type AssociationHit = { orgnr: string; name: string; seat: string | null; updatedAt: Date }

/** Staff search: an organisationsnummer exactly (any way it is written), or words of the name. */
export async function searchAssociations(q: string): Promise<AssociationHit[]> {
  const db = sql()
  const org = normaliseOrgnr(q)
  const where = org.ok ? db`orgnr = ${org.value}` : db`lower(name) like ${`%${q.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`}`
  return db<AssociationHit[]>`
    select orgnr, name, details->>'seat' as seat, updated_at as "updatedAt"
    from associations where ${where} order by name, orgnr limit 50`
}

export type HistoryEntry = {
  at: Date; caseId: string; caseNumber: string; actor: { name: string | null; role: string | null }; changes: RegisterChanges
}
export type Association = {
  orgnr: string; name: string; details: RegisterDetails; createdAt: Date; updatedAt: Date
  history: HistoryEntry[]
  cases: { id: string; number: string; receivedAt: Date; status: string }[]
}

/** An association with its history (newest first) and the cases that filed it. */
export async function getAssociation(orgnr: string): Promise<Association | null> {
  const db = sql()
  const [a] = await db<Omit<Association, 'history' | 'cases'>[]>`
    select orgnr, name, details, created_at as "createdAt", updated_at as "updatedAt" from associations where orgnr = ${orgnr}`
  if (!a) return null
  const history = await db<HistoryEntry[]>`
    select h.at, h.case_id as "caseId", c.number as "caseNumber", h.actor, h.changes
    from association_history h join cases c on c.id = h.case_id where h.orgnr = ${orgnr} order by h.at desc, h.id desc`
  const cases = await db<Association['cases']>`
    select c.id, c.number, c.received_at as "receivedAt", s.status
    from association_history h join cases c on c.id = h.case_id join case_state s on s.case_id = c.id
    where h.orgnr = ${orgnr} order by c.received_at desc, c.id desc`
  return { ...a, history, cases }
}
