import { audit } from '../audit/audit.server.ts'
import type { StaffMember } from '../auth/teams.server.ts'
import { sql } from '../db/sql.server.ts'
import { checklist, type ChecklistItem } from './checklist.ts'
import type { StoredEvent } from './events.ts'
import { caseBase, caseRowColumns, loadEvents, type CaseRow } from './projection.server.ts'
import { type AttachmentMeta, UUID } from './queries.server.ts'
import { foldEvents, type CaseState } from './state.ts'

export type StaffCase = {
  case: CaseRow
  state: CaseState
  events: StoredEvent[]
  attachments: AttachmentMeta[]
  checklist: ChecklistItem[]
}

/**
 * Whether a staff member may see a case at all. Servicecenter roles see every case; a förvaltning user
 * only cases forwarded to their department — any other answers 404, so ids cannot be probed.
 */
export async function maySee(member: StaffMember, caseId: string): Promise<boolean> {
  if (!UUID.test(caseId)) return false
  if (member.role !== 'forvaltning') {
    const [row] = await sql()`select 1 from cases where id = ${caseId}`
    return Boolean(row)
  }
  if (!member.department) return false
  const [row] = await sql()`select 1 from case_state where case_id = ${caseId} and forwarded_to = ${member.department}`
  return Boolean(row)
}

/**
 * A case as the staff case page shows it: the row, its log, the state folded from that log, attachments
 * and the checklist. The opening is written to the audit log first (issue 5: every opening of a case).
 */
export async function openCase(member: StaffMember, caseId: string, opts: { audit?: boolean } = { audit: true }): Promise<StaffCase | null> {
  if (!(await maySee(member, caseId))) return null
  if (opts.audit !== false) await audit(member.id, 'case.view', { caseId })
  const db = sql()
  const [c] = await db<(CaseRow & { completeness: { pages?: { pageId: string; ok: boolean }[] } })[]>`
    select ${caseRowColumns(db)}, c.completeness from cases c where c.id = ${caseId}`
  if (!c) return null
  const events = await loadEvents(db, caseId)
  const state = foldEvents(caseBase(c), events)
  const attachments = await db<AttachmentMeta[]>`
    select id, field_id as "fieldId", file_name as name, mime, size, metadata_removed as "metadataRemoved"
    from attachments where case_id = ${caseId} order by created_at, id`
  const { completeness, ...row } = c
  return { case: row, state, events, attachments, checklist: checklist(c.definition, c.answers, completeness, state) }
}
