import { sql } from '../db/sql.server.ts'

/** What the audit log records; every opening of a case and every search for a person is one row. */
export type AuditAction =
  | 'case.view' | 'case.attachment' | 'case.pdf' | 'case.archive' | 'search' | 'search.personnummer' | 'statistics.export' | 'association.view'
  // The access log (/servicecenter/atkomstlogg): who looked up whose accesses, on the page or as CSV.
  | 'access_log.lookup'
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

/** Within this many minutes the same person opening the same thing again is the same opening (ADR 018). */
export const OPENING_WINDOW_MINUTES = 10

type Opening = 'case.view' | 'case.attachment' | 'case.pdf'

/**
 * Writes that a staff member opened a case, an attachment or a PDF — once per opening: a reload, or the
 * redirect back to the case page after an action, within OPENING_WINDOW_MINUTES of an entry for the same
 * staff member, case, action and details is the same opening and adds nothing. `coveredBy`: actions whose
 * entry already tells this one (the case page shows its pictures, so a picture it shows is told by the case
 * view). Atomic: a lock per staff member and case makes concurrent requests see each other's entry.
 */
export async function auditOpening(
  staffId: string, action: Opening, opts: { caseId: string; details?: Record<string, unknown>; coveredBy?: readonly Opening[] },
): Promise<void> {
  const details = sql().json((opts.details ?? {}) as never)
  await sql().begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(hashtextextended(${`audit:${staffId}:${opts.caseId}`}, 0))`
    await tx`insert into audit_log (staff_id, action, case_id, details)
      select ${staffId}, ${action}, ${opts.caseId}, ${details}
      where not exists (
        select 1 from audit_log
        where staff_id = ${staffId} and case_id = ${opts.caseId} and at > now() - make_interval(mins => ${OPENING_WINDOW_MINUTES})
          and ((action = ${action} and details = ${details}) or action = any(${opts.coveredBy ?? []}::text[])))`
  })
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
