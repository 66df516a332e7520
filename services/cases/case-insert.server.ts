import type { Tx } from '../db/sql.server.ts'
import type { ReceiptPlan, ReceiveInput } from './receive-plan.ts'
import { caseScope, sealAnswers } from './secret-answers.server.ts'

/**
 * The CTEs `d`, `n` and `c` that take the case number and insert the case in one statement, its definition
 * copied from form_definitions; `c` yields the case's id and number. Nothing is numbered or inserted when the
 * definition row is missing. Both ways of receiving build on it. Secret answers are stored encrypted for the case.
 */
export function caseInsertCtes(tx: Tx, input: ReceiveInput, p: ReceiptPlan, definitionHash: string) {
  const { def } = input
  const r = p.row
  return tx`
    d as (select definition from form_definitions where hash = ${definitionHash}),
    n as (
      insert into case_number_counters (prefix, year, last) select ${def.caseNumberPrefix}, ${p.year}, 1 where exists (select 1 from d)
      on conflict (prefix, year) do update set last = case_number_counters.last + 1
      returning last),
    c as (
      insert into cases (id, number, idempotency_key, form_id, form_version, definition, answers, completeness, locale, channel, location, applicant, team, department, received_at)
      select ${r.id}, ${def.caseNumberPrefix} || '-' || ${p.year} || '-' || lpad(n.last::text, 6, '0'), ${input.draftId}, ${def.id}, ${def.version},
             d.definition, ${tx.json(sealAnswers(def, r.answers, caseScope(r.id)) as never)}, ${tx.json(p.completeness)}, ${r.locale}, ${r.channel}, ${r.location},
             ${r.applicant ? tx.json(r.applicant as never) : null}, ${r.team}, ${r.department}, ${r.receivedAt}
      from d, n
      returning id, number)`
}
