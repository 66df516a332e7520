import type { Text } from '#forms/kit/index.ts'
import type { StaffMember } from '../auth/teams.server.ts'
import { sql } from '../db/sql.server.ts'
import { mayOpen } from './search.server.ts'
import type { CaseStatus } from './state.ts'

/**
 * A citizen's other cases (issue 11, ADR 031): cases with the same personnummer, the same e-mail address, or —
 * between fault reports — the same street address, found in case_contacts. Only cases the viewer may open
 * (`mayOpen`, as search), and not the case's own request or sub-cases (the linked-cases section lists those).
 */

/** E-services whose address is the place of the fault: two reports of one place may be one fault. */
export const FAULT_REPORT_FORMS: readonly string[] = ['felanmalan']
export const OTHER_CASES_LIMIT = 20

export type Via = 'personnummer' | 'email' | 'address'
export type OtherCase = { id: string; number: string; formId: string; title: Text; receivedAt: Date; status: CaseStatus; via: Via[] }

export async function otherCasesOf(member: StaffMember, caseId: string): Promise<OtherCase[]> {
  const db = sql()
  const fault = db(FAULT_REPORT_FORMS as string[])
  return [...(await db<OtherCase[]>`
    with me as (select c.id, coalesce(c.parent_id, c.id) as family, c.form_id from cases c where c.id = ${caseId}),
    found as (
      select o.case_id, array_agg(distinct o.kind) as via
      from case_contacts m
      join case_contacts o on o.kind = m.kind and o.value = m.value and o.case_id <> m.case_id
      join case_state os on os.case_id = o.case_id
      cross join me
      where m.case_id = ${caseId} and m.kind in ('personnummer', 'email', 'address')
        -- An address links fault reports only: a home address shared by two applications is no news.
        and (m.kind <> 'address' or (me.form_id in ${fault} and os.form_id in ${fault}))
      group by o.case_id)
    select s.case_id as id, s.number, s.form_id as "formId", c.definition->'title' as title, s.received_at as "receivedAt", s.status,
           f.via
    from found f
    join case_state s on s.case_id = f.case_id
    join cases c on c.id = f.case_id
    cross join me
    where coalesce(c.parent_id, c.id) <> me.family and ${mayOpen(db, member)}
    order by s.received_at desc, s.case_id desc
    limit ${OTHER_CASES_LIMIT}`)]
}
