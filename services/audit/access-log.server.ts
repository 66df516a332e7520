import { sql } from '../db/sql.server.ts'
import { classify, personnummerQuery } from '../cases/search.server.ts'
import { audit, type AuditAction } from './audit.server.ts'

/** What the access log is asked about: a person (12-digit personnummer) or one case (its number). */
export type AccessLogQuery = { kind: 'personnummer' | 'number'; value: string }

/** A personnummer or a case number in any form staff type them; anything else is null. */
export function accessLogQuery(q: string): AccessLogQuery | null {
  const c = classify(q)
  return c.kind === 'personnummer' || c.kind === 'number' ? { kind: c.kind, value: c.value } : null
}

export type AccessLogEntry = {
  at: Date; staffName: string | null; staffEmail: string | null; action: AuditAction; caseNumber: string | null; details: Record<string, unknown>
}

/** More entries than this for one person is a question for the database administrator, not a page. */
export const ACCESS_LOG_LIMIT = 5000

/**
 * Who looked at a person's data, or at one case, and when (GDPR art. 5.2, 15; ADR 018): every entry on the
 * cases where the personnummer appears (in the applicant or any answer) or on the case with that number —
 * openings of the case, its attachments and PDFs — every search for and lookup of that personnummer or
 * number, and every register extract of the person, theirs from Mina sidor included (ADR 021). The lookup itself is written to the log first, so it shows in the next lookup of the same person.
 */
export async function lookUpAccessLog(
  staffId: string, query: AccessLogQuery, format: 'sida' | 'csv',
): Promise<{ caseNumbers: string[]; entries: AccessLogEntry[]; truncated: boolean }> {
  await audit(staffId, 'access_log.lookup', { details: { kind: query.kind, q: query.value, format } })
  const db = sql()
  const tsquery = query.kind === 'personnummer' ? await personnummerQuery(query.value) : null
  const cases = await db<{ id: string; number: string }[]>`
    select c.id, c.number from cases c
    where ${tsquery
      ? db`c.search_vector @@ to_tsquery('simple', ${tsquery}) or c.search_vector_sensitive @@ to_tsquery('simple', ${tsquery})`
      : db`c.number = ${query.value}`}
    order by c.received_at, c.number`
  const entries = await db<AccessLogEntry[]>`
    select a.at, s.name as "staffName", s.email as "staffEmail", a.action, c.number as "caseNumber", a.details
    from audit_log a left join staff s on s.id = a.staff_id left join cases c on c.id = a.case_id
    where a.case_id = any(${cases.map((c) => c.id)}::uuid[])
       or (a.details ? 'q' and a.details->>'q' = ${query.value})
       or (a.action in ('register.extract', 'register.extract.self') and a.details->>'personnummer' = ${query.value})
    order by a.at desc, a.id desc
    limit ${ACCESS_LOG_LIMIT + 1}`
  return { caseNumbers: cases.map((c) => c.number), entries: entries.slice(0, ACCESS_LOG_LIMIT), truncated: entries.length > ACCESS_LOG_LIMIT }
}
