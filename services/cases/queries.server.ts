import type { ReceiptFindings } from './receive-plan.ts'
import type { Answers, FormDefinition, Locale } from '#forms/kit/index.ts'
import { sql } from '../db/sql.server.ts'

export type CaseListItem = { id: string; number: string; formId: string; title: { sv: string; en: string }; receivedAt: Date; status: string; channel: string }
export type CaseDetail = CaseListItem & {
  definition: FormDefinition
  answers: Answers
  locale: Locale
  team: string | null
  /** What the automatic checks found on receipt (services/cases/receive-plan.ts). */
  completeness: ReceiptFindings | null
  department: string | null
  events: { seq: number; type: string; at: Date; actor: Record<string, unknown> }[]
  attachments: AttachmentMeta[]
}
export type AttachmentMeta = { id: string; fieldId: string; name: string; mime: string; size: number; metadataRemoved: string[] }

/** A case's status is its latest event's type: the log is the truth, nothing is kept beside it. */
const statusSql = () => sql()`(select e.type from case_events e where e.case_id = c.id order by e.seq desc limit 1)`

type ListRow = { id: string; number: string; form_id: string; title: { sv: string; en: string }; received_at: Date; status: string; channel: string }
const toItem = (r: ListRow): CaseListItem => ({ id: r.id, number: r.number, formId: r.form_id, title: r.title, receivedAt: r.received_at, status: r.status, channel: r.channel })

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export async function getCase(id: string): Promise<CaseDetail | null> {
  if (!UUID.test(id)) return null
  const [row] = await sql()<(ListRow & {
    definition: FormDefinition; answers: Answers; locale: Locale; team: string | null; department: string | null; completeness: ReceiptFindings | null
  })[]>`
    select c.id, c.number, c.form_id, c.definition->'title' as title, c.received_at, c.channel, ${statusSql()} as status,
           c.definition, c.answers, c.locale, c.team, c.department, c.completeness
    from cases c where c.id = ${id}`
  if (!row) return null
  const events = await sql()<{ seq: number; type: string; at: Date; actor: Record<string, unknown> }[]>`
    select seq, type, at, actor from case_events where case_id = ${id} order by seq`
  const attachments = await sql()<AttachmentMeta[]>`
    select id, field_id as "fieldId", file_name as name, mime, size, metadata_removed as "metadataRemoved"
    from attachments where case_id = ${id} order by created_at, id`
  return {
    ...toItem(row), definition: row.definition, answers: row.answers, locale: row.locale, team: row.team, department: row.department,
    completeness: row.completeness, events, attachments,
  }
}

export async function getAttachmentBytes(caseId: string, attachmentId: string): Promise<(AttachmentMeta & { bytes: Uint8Array }) | null> {
  if (!UUID.test(caseId) || !UUID.test(attachmentId)) return null
  const [row] = await sql()<(AttachmentMeta & { bytes: Uint8Array })[]>`
    select id, field_id as "fieldId", file_name as name, mime, size, metadata_removed as "metadataRemoved", bytes
    from attachments where id = ${attachmentId} and case_id = ${caseId}`
  return row ?? null
}

export { UUID }
