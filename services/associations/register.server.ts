import { foreningsbidrag } from '#forms/foreningsbidrag/index.ts'
import { registerChanges, registerDetails, type RegisterChanges, type RegisterDetails } from '#forms/foreningsbidrag/register.ts'
import { normaliseOrgnr } from '#forms/kit/index.ts'
import type { CaseRow } from '../cases/projection.server.ts'
import { sql, type Tx } from '../db/sql.server.ts'

/**
 * Receiving a föreningsbidrag application updates the association's entry in the register and appends what
 * changed, by whom and through which case, in the receiving transaction: the register never says something
 * no received case says. The row is locked first, so two applications for one association at once are
 * recorded one after the other, each diffed against the other's result.
 */
/** Whether receiving this e-service's cases updates the association register. */
export const carriesRegister = (formId: string) => formId === foreningsbidrag.id

export async function updateRegisterFrom(tx: Tx, c: CaseRow): Promise<void> {
  if (!carriesRegister(c.formId)) return
  const details = registerDetails(c.answers)
  const orgnr = String(details.orgnr)
  const name = String(details.associationName)
  const inserted = await tx`
    insert into associations (orgnr, name, details, created_at, updated_at, updated_by_case)
    values (${orgnr}, ${name}, ${tx.json(details as never)}, ${c.receivedAt}, ${c.receivedAt}, ${c.id})
    on conflict (orgnr) do nothing returning orgnr`
  let changes: RegisterChanges
  if (inserted.length) changes = registerChanges(null, details)
  else {
    const [before] = await tx<{ details: RegisterDetails }[]>`select details from associations where orgnr = ${orgnr} for update`
    changes = registerChanges(before!.details, details)
    await tx`update associations set name = ${name}, details = ${tx.json(details as never)}, updated_at = ${c.receivedAt}, updated_by_case = ${c.id}
      where orgnr = ${orgnr}`
  }
  const actor = { name: typeof c.applicant?.name === 'string' ? c.applicant.name : null, role: c.answers.signerRole ?? null }
  await tx`insert into association_history (orgnr, case_id, actor, changes, at)
    values (${orgnr}, ${c.id}, ${tx.json(actor as never)}, ${tx.json(changes as never)}, ${c.receivedAt})`
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
