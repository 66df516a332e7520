import { municipality } from '../config/municipality.server.ts'
import { sql } from '../db/sql.server.ts'
import { dueCases } from './due.server.ts'
import { ruleRows } from './rules.ts'
import { PREVIEW_DAYS, PREVIEW_LIMIT } from './settings.ts'


export type PreviewItem = {
  caseId: string; number: string; formId: string; closedAt: Date; dueAt: Date; rule: string; decision: string
  action: 'delete' | 'anonymise'; archiveFirst: boolean; exported: boolean; waiting: 'archive' | 'sub-cases' | null
}

/** The cases due within PREVIEW_DAYS of `now`, soonest first, and how many there are in all. */
export async function retentionPreview(now = new Date(), opts: { unexported?: boolean } = {}): Promise<{ total: number; items: PreviewItem[] }> {
  const horizon = new Date(now.getTime() + PREVIEW_DAYS * 24 * 3600 * 1000)
  const db = sql()
  const rows = await db<(PreviewItem & { total: number })[]>`
    select d.case_id as "caseId", d.number, d.form_id as "formId", d.closed_at as "closedAt", d.due_at as "dueAt", d.rule, d.decision,
           d.action, d.archive_first as "archiveFirst", d.exported, d.waiting, count(*) over ()::int as total
    from (${dueCases(db, ruleRows(municipality().retention), horizon)}) d
    ${opts.unexported ? db`where not d.exported` : db``}
    order by d.due_at, d.number limit ${PREVIEW_LIMIT}`
  return { total: rows[0]?.total ?? 0, items: rows.map(({ total: _, ...item }) => item) }
}

/** Cases due within the preview that have no archive package yet, PREVIEW_LIMIT at a time, for the bulk export. */
export async function unexportedDue(now = new Date()): Promise<string[]> {
  return (await retentionPreview(now, { unexported: true })).items.map((i) => i.caseId)
}

export type LogEntry = { at: Date; rule: string; decision: string | null; action: 'delete' | 'anonymise'; caseNumbers: string[]; counts: Record<string, number> }

/** The gallringslogg, newest first. */
export async function retentionLog(limit = 100): Promise<LogEntry[]> {
  return sql()<LogEntry[]>`
    select at, rule, decision, action, case_numbers as "caseNumbers", counts from retention_log order by at desc, id desc limit ${limit}`
}
