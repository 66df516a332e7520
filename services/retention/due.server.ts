import type { Sql, Tx } from '../db/sql.server.ts'
import type { RuleRow } from './rules.ts'

/**
 * The closed cases whose rule makes them due by `horizon`, as a SQL fragment selecting
 * (case_id, number, form_id, closed_at, due_at, rule, decision, action, archive_first, exported, waiting).
 * A case's rule is the one for its decision (approved/denied), else for its closing outcome, else the
 * e-service's default; an e-service without a rule is never due. `waiting` says why a due case is held:
 * 'archive' (its rule wants an archive package first) or 'sub-cases' (a nyinflyttad request waits for its
 * sub-cases). A request whose sub-cases were anonymised is anonymised too, since their rows still point at it.
 */
export function dueCases(tx: Sql | Tx, rules: readonly RuleRow[], horizon: Date) {
  // The shortest rule bounds the scan through case_state's closed_at index.
  const minYears = Math.min(...rules.map((r) => r.years))
  return tx`
    with rules as materialized (
      select * from jsonb_to_recordset(${tx.json(rules as never)}::jsonb)
      as x(rule text, form_id text, outcome text, years int, action text, archive_first boolean, decision text)
    )
    select cs.case_id, cs.number, cs.form_id, cs.closed_at, cs.closed_at + make_interval(years => r.years) as due_at,
           r.rule, r.decision, r.archive_first,
           case when r.action = 'delete' and k.kept > 0 then 'anonymise' else r.action end as action,
           x.exported,
           case when k.pending > 0 then 'sub-cases' when r.archive_first and not x.exported then 'archive' end as waiting
    from case_state cs
    cross join lateral (
      select r.* from rules r
      where r.form_id = cs.form_id and (r.outcome is null or r.outcome = cs.outcome or r.outcome = (
        select e.data->>'decision' from case_events e where e.case_id = cs.case_id and e.type = 'decided' order by e.seq desc limit 1))
      order by r.outcome is null, r.outcome = cs.outcome
      limit 1
    ) r
    cross join lateral (
      select count(*) filter (where ks.anonymised_at is null) as pending, count(*) filter (where ks.anonymised_at is not null) as kept
      from cases ch join case_state ks on ks.case_id = ch.id where ch.parent_id = cs.case_id
    ) k
    cross join lateral (select exists (select 1 from case_archive_exports a where a.case_id = cs.case_id) as exported) x
    where cs.status = 'closed' and cs.anonymised_at is null
      and cs.closed_at <= ${horizon}::timestamptz - make_interval(years => ${Number.isFinite(minYears) ? minYears : 0}::int)
      and cs.closed_at + make_interval(years => r.years) <= ${horizon}`
}
