import { sql } from '../db/sql.server.ts'

/** What the audit log records; every opening of a case and every search for a person is one row. */
export type AuditAction =
  | 'case.view' | 'case.attachment' | 'case.pdf' | 'case.archive' | 'search' | 'search.personnummer' | 'statistics.export' | 'association.view'
  // Staff administration (/servicecenter/personal): who changed whose account, and how — never a password.
  | 'staff.create' | 'staff.update' | 'staff.deactivate' | 'staff.reactivate' | 'staff.password'
  // Register extracts (GDPR art. 15): by the data protection officer, or the citizen's own from Mina sidor.
  | 'register.extract' | 'register.extract.self'

/**
 * Writes who looked at or searched for what (issue 5; GDPR art. 5.2 accountability, OSL secrecy). Written
 * before the data is returned, so a view that could not be logged is not shown either.
 */
export async function audit(staffId: string, action: AuditAction, opts: { caseId?: string; details?: Record<string, unknown> } = {}): Promise<void> {
  await sql()`insert into audit_log (staff_id, action, case_id, details)
    values (${staffId}, ${action}, ${opts.caseId ?? null}, ${sql().json((opts.details ?? {}) as never)})`
}

/**
 * A citizen's own request for their data (Mina sidor): no staff member, the person in `details`, so the
 * request shows in their next extract and in the access log like any other opening of their data.
 */
export async function auditCitizen(action: 'register.extract.self', personnummer: string, details: Record<string, unknown> = {}): Promise<void> {
  await sql()`insert into audit_log (staff_id, action, details) values (null, ${action}, ${sql().json({ ...details, personnummer } as never)})`
}

export type AuditEntry = { at: Date; staffName: string | null; action: AuditAction; caseNumber: string | null; details: Record<string, unknown> }

/** Recent entries, newest first: for a case (who has seen it) or for everything. */
export async function auditEntries(opts: { caseId?: string; limit?: number } = {}): Promise<AuditEntry[]> {
  return sql()<AuditEntry[]>`
    select a.at, s.name as "staffName", a.action, c.number as "caseNumber", a.details
    from audit_log a left join staff s on s.id = a.staff_id left join cases c on c.id = a.case_id
    ${opts.caseId ? sql()`where a.case_id = ${opts.caseId}` : sql()``}
    order by a.at desc, a.id desc limit ${opts.limit ?? 100}`
}
