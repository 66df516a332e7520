import type { Answers, FormDefinition, Locale } from '#forms/kit/index.ts'
import { municipality } from '../config/municipality.server.ts'
import type { Sql, Tx } from '../db/sql.server.ts'
import type { StoredEvent } from './events.ts'
import { DEFAULT_HANDLING_DAYS, foldEvents, type CaseBase, type CaseState } from './state.ts'

/** The parts of a case row that handling needs (never the attachments' bytes). */
export type CaseRow = {
  id: string
  number: string
  formId: string
  definition: FormDefinition
  answers: Answers
  applicant: Record<string, unknown> | null
  locale: Locale
  channel: string
  location: string | null
  team: string | null
  department: string | null
  receivedAt: Date
}

export const caseRowColumns = (tx: Sql | Tx) => tx`
  c.id, c.number, c.form_id as "formId", c.definition, c.answers, c.applicant, c.locale, c.channel, c.location,
  c.team, c.department, c.received_at as "receivedAt"`

export const caseBase = (c: Pick<CaseRow, 'receivedAt' | 'team' | 'definition'>): CaseBase => ({
  receivedAt: c.receivedAt,
  team: c.team,
  handlingDays: c.definition.handlingDays ?? DEFAULT_HANDLING_DAYS,
  timeZone: municipality().timeZone,
})

export async function loadEvents(tx: Sql | Tx, caseId: string): Promise<StoredEvent[]> {
  return tx<StoredEvent[]>`select seq, type, at, actor, data from case_events where case_id = ${caseId} order by seq`
}

/** Writes the projection of `state`: the row every queue view, filter and statistic reads. */
/** The case_state row of `s`, column by column. */
export const stateRow = (c: CaseRow, s: CaseState) => ({
  case_id: c.id, seq: s.seq, status: s.status, assignee_id: s.assignee?.id ?? null, team: s.team, forwarded_to: s.forwardedTo,
  accepted: s.acceptedBy !== null, flags: s.flags.map((f) => f.flag), due_at: s.dueAt, number: c.number, received_at: c.receivedAt,
  form_id: c.formId, channel: c.channel, location: c.location, first_action_at: s.firstActionAt, decided_at: s.decidedAt,
  closed_at: s.closedAt, outcome: s.outcome, was_forwarded: s.wasForwarded, supplement_count: s.supplementCount, updated_at: s.lastEventAt,
})

export async function writeState(tx: Tx, c: CaseRow, s: CaseState): Promise<void> {
  const row = stateRow(c, s)
  await tx`
    insert into case_state ${tx(row)}
    on conflict (case_id) do update set ${tx(row, Object.keys(row).filter((k) => k !== 'case_id') as (keyof typeof row)[])}`
}

/** Folds the whole log of a case again and writes the projection; what the tests compare, and a repair tool. */
export async function rebuildState(tx: Tx, caseId: string): Promise<CaseState | null> {
  const [c] = await tx<CaseRow[]>`select ${caseRowColumns(tx)} from cases c where c.id = ${caseId}`
  if (!c) return null
  const state = foldEvents(caseBase(c), await loadEvents(tx, caseId))
  await writeState(tx, c, state)
  return state
}
