import type { Municipality } from '../config/municipality.ts'

/** One rule as the retention SQL joins it: `outcome` null is the e-service's default. */
export type RuleRow = {
  rule: string
  form_id: string
  outcome: string | null
  years: number
  action: 'delete' | 'anonymise'
  archive_first: boolean
  decision: string
}

/** The profile's rules, flattened: per e-service a default row and one row per outcome that differs. */
export function ruleRows(retention: Municipality['retention']): RuleRow[] {
  return Object.entries(retention).flatMap(([formId, r]) => [
    { rule: formId, form_id: formId, outcome: null, years: r.years, action: r.action, archive_first: r.archiveFirst, decision: r.decision },
    ...Object.entries(r.outcomes ?? {}).map(([outcome, o]) => ({
      rule: `${formId}/${outcome}`, form_id: formId, outcome, years: o.years, action: o.action, archive_first: o.archiveFirst, decision: o.decision,
    })),
  ])
}
