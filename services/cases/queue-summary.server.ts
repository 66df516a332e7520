import { caseSummary, type Answers, type Locale } from '#forms/kit/index.ts'
import { sql } from '../db/sql.server.ts'
import { formById } from '../forms/registry.server.ts'

/**
 * The queue's one-line summary of each listed case (`caseSummary`, by the current definition's declaration).
 * Read by primary key for the page's rows only, after listQueue has chosen them from case_state, so the
 * queue's index scans stay as they are. Only declared, non-sensitive answers leave this function.
 */
export async function queueSummaries(caseIds: string[], locale: Locale): Promise<Map<string, string>> {
  if (caseIds.length === 0) return new Map()
  const rows = await sql()<{ id: string; formId: string; answers: Answers }[]>`
    select id, form_id as "formId", answers from cases where id = any(${caseIds}::uuid[])`
  return new Map(rows.map((r) => {
    const def = formById(r.formId)
    return [r.id, def ? caseSummary(def, r.answers, locale) : '']
  }))
}
