import { auditOpening } from '../audit/audit.server.ts'
import { CASE_ROLES, type StaffMember } from '../auth/teams.server.ts'
import { sql } from '../db/sql.server.ts'
import { formById } from '../forms/registry.server.ts'
import { checklist, type ChecklistItem } from './checklist.ts'
import type { StoredEvent } from './events.ts'
import { caseBase, caseRowColumns, loadEvents, type CaseRow } from './projection.server.ts'
import { type AttachmentMeta, getAttachmentBytes, UUID } from './queries.server.ts'
import { attachmentSensitivity, mayOpenAttachment, withCurrentSensitivity } from './sensitive.ts'
import { foldEvents, type CaseState } from './state.ts'
import { markSeen } from './needs-me.server.ts'

export type StaffCase = {
  case: CaseRow
  state: CaseState
  events: StoredEvent[]
  /** `hidden`: sensitive, and this member may not open it (they see that it exists, not what it is). */
  attachments: (AttachmentMeta & { hidden: boolean })[]
  checklist: ChecklistItem[]
}

/**
 * Whether a staff member may see a case at all. Servicecenter roles see every case; a förvaltning user
 * only cases forwarded to their department — any other answers 404, so ids cannot be probed.
 */
export async function maySee(member: StaffMember, caseId: string): Promise<boolean> {
  // Roles without case handling (bibliotek, dataskydd) open no case, whatever path they try.
  if (!UUID.test(caseId) || !CASE_ROLES.includes(member.role)) return false
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
 * and the checklist. The opening is written to the audit log first (issue 5: every opening of a case), once
 * per opening: the reload after an action is the same opening (`auditOpening`).
 */
export async function openCase(member: StaffMember, caseId: string, opts: { audit?: boolean } = { audit: true }): Promise<StaffCase | null> {
  if (!(await maySee(member, caseId))) return null
  if (opts.audit !== false) await Promise.all([auditOpening(member.id, 'case.view', { caseId }), markSeen(member.id, caseId)])
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
  const definition = withCurrentSensitivity(c.definition, formById(c.formId))
  return {
    case: { ...row, definition }, state, events, checklist: checklist(c.definition, c.answers, completeness, state),
    attachments: attachments.map((a) => ({ ...a, hidden: !mayOpenAttachment(member, state.team, attachmentSensitivity(a.fieldId, definition)) })),
  }
}

/** The ids of the case's files this reader may not open, for every place that names a file (thread, timeline). */
export const hiddenFileIds = (v: StaffCase): ReadonlySet<string> => new Set(v.attachments.filter((a) => a.hidden).map((a) => a.id))

/**
 * One attachment of a case, with its bytes, if the member may open it: they may see the case, and the file is
 * not sensitive data hidden from them on it (the same rule as sensitive answers). Otherwise null, which the
 * route answers with the 404 of a file that does not exist.
 */
export async function openAttachment(member: StaffMember, caseId: string, attachmentId: string) {
  if (!(await maySee(member, caseId))) return null
  const file = await getAttachmentBytes(caseId, attachmentId)
  if (!file) return null
  const [c] = await sql()<Pick<CaseRow, 'formId' | 'definition' | 'team'>[]>`
    select c.form_id as "formId", c.definition, coalesce(s.team, c.team) as team
    from cases c left join case_state s on s.case_id = c.id where c.id = ${caseId}`
  if (!c) return null
  const sensitivity = attachmentSensitivity(file.fieldId, withCurrentSensitivity(c.definition, formById(c.formId)))
  if (!mayOpenAttachment(member, c.team, sensitivity)) return null
  return file
}
