import { actorOf } from '#services/auth/teams.server.ts'
import type { Staff } from '#services/auth/staff.server.ts'
import { appendEvent } from '#services/cases/append.server.ts'
import type { Decision } from '#services/cases/events.ts'
import { sql } from '#services/db/sql.server.ts'

/**
 * Closes a case `yearsAgo` years (and a day) ago, as handling leaves the projection the retention job reads:
 * status closed, the closing outcome and time. Backdating needs the projection written directly.
 */
export async function closedAgo(caseId: string, yearsAgo: number, outcome = 'handled'): Promise<void> {
  await sql()`update case_state set status = 'closed', outcome = ${outcome}, due_at = null,
    closed_at = now() - make_interval(years => ${yearsAgo}::int, days => 1) where case_id = ${caseId}`
}

/** Decides a case the servicecenter may decide, through the event log (the rule per decision reads it). */
export async function decide(caseId: string, staff: Staff, decision: Decision): Promise<void> {
  const who = { kind: 'staff' as const, id: staff.id, role: staff.role, department: null }
  for (const event of [
    { type: 'claimed' as const, data: { assignee: { id: staff.id, name: staff.name } } },
    { type: 'decided' as const, data: { decision, reasons: 'Prövat enligt villkoren.', appealable: true, letter: {
      municipality: { name: 'Tyresö kommun', address: 'Marknadsvägen 2', phone: '08-578 291 00', email: 'kommun@tyreso.se' },
      formTitle: { sv: 'Prov', en: 'Test' }, applicant: { name: 'Sven Svensson' }, locale: 'sv' as const } } },
  ]) {
    const r = await appendEvent({ caseId, event, actor: actorOf(staff), who })
    if (r.kind !== 'ok') throw new Error(`${event.type}: ${JSON.stringify(r)}`)
  }
}
