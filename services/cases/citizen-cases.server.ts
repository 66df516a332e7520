import type { ReceiptFindings } from './receive-plan.ts'
import type { Answers, FormDefinition, Locale, Text } from '#forms/kit/index.ts'
import { sql } from '../db/sql.server.ts'
import type { TimelineEvent } from './citizen-timeline.ts'
import { UUID, type AttachmentMeta } from './queries.server.ts'

// A citizen's own cases for Mina sidor. Every query is keyed on the applicant's personnummer, so a case
// id from someone else's URL finds nothing: the route answers 404 exactly as for an id that does not exist.

export type MyCase = { id: string; number: string; formId: string; title: Text; receivedAt: Date; events: TimelineEvent[] }
export type MyCaseDetail = MyCase & {
  definition: FormDefinition; answers: Answers; locale: Locale; completeness: ReceiptFindings | null; attachments: AttachmentMeta[]
}

type Row = { id: string; number: string; form_id: string; title: Text; received_at: Date; events: TimelineEvent[] | null }
const toCase = (r: Row): MyCase => ({ id: r.id, number: r.number, formId: r.form_id, title: r.title, receivedAt: r.received_at, events: r.events ?? [] })

const eventsJson = () => sql()`(
  select json_agg(json_build_object('seq', e.seq, 'type', e.type, 'at', e.at, 'data', e.data) order by e.seq)
  from case_events e where e.case_id = c.id)`

export async function listMyCases(personnummer: string): Promise<MyCase[]> {
  const rows = await sql()<Row[]>`
    select c.id, c.number, c.form_id, c.definition->'title' as title, c.received_at, ${eventsJson()} as events
    from cases c where c.applicant->>'personnummer' = ${personnummer}
    order by c.received_at desc, c.id desc`
  return rows.map(toCase)
}

export async function getMyCase(personnummer: string, caseId: string): Promise<MyCaseDetail | null> {
  if (!UUID.test(caseId)) return null
  const [row] = await sql()<(Row & { definition: FormDefinition; answers: Answers; locale: Locale; completeness: ReceiptFindings | null })[]>`
    select c.id, c.number, c.form_id, c.definition->'title' as title, c.received_at, ${eventsJson()} as events,
           c.definition, c.answers, c.locale, c.completeness
    from cases c where c.id = ${caseId} and c.applicant->>'personnummer' = ${personnummer}`
  if (!row) return null
  const attachments = await sql()<AttachmentMeta[]>`
    select id, field_id as "fieldId", file_name as name, mime, size, metadata_removed as "metadataRemoved"
    from attachments where case_id = ${caseId} order by created_at, id`
  return { ...toCase(row), definition: row.definition, answers: row.answers, locale: row.locale, completeness: row.completeness, attachments }
}
