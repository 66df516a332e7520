import { accessLogQuery, lookUpAccessLog } from '#services/audit/access-log.server.ts'
import { readForm } from '#services/auth/csrf.server.ts'
import { requireStaff } from '#services/auth/require-staff.server.ts'
import { ACCESS_LOG_ROLES } from '#services/auth/staff-roles.ts'

export const QUERY_ERROR = 'Skriv ett personnummer med 12 siffror, till exempel 19811218-9876, eller ett ärendenummer, till exempel LARM-2026-000123'

/**
 * A posted access-log question, from the page or its CSV button: the role checked, the CSRF token, the
 * personnummer or case number read. A POST, so a personnummer never lands in the address bar or access logs.
 * Anything else is `error`, a Swedish message, with what was typed.
 */
export async function postedLookup(request: Request, format: 'sida' | 'csv') {
  const staff = await requireStaff(request, [...ACCESS_LOG_ROLES])
  const form = await readForm(request)
  const q = String(form.get('q') ?? '').trim().slice(0, 40)
  const query = accessLogQuery(q)
  if (!query) return { q, error: q ? QUERY_ERROR : 'Skriv ett personnummer eller ett ärendenummer att slå upp', query: null, result: null }
  return { q, error: null, query, result: await lookUpAccessLog(staff.id, query, format) }
}
