import { KNOWN_KINDS } from './kinds/index.ts'
import { checkField, checkFlag, checkRule, checkSummary, type Scope } from './define-checks.ts'
import { checkRoles } from './roles.ts'
import type { Condition, FieldDef, FormDefinition } from './types.ts'

const ID = /^[a-z][a-zA-Z0-9]*$/

/**
 * Checks a definition once, when its module loads, so a typo in a field id or condition breaks the build
 * and the contract test instead of a citizen's application.
 */
export function defineForm<const D extends FormDefinition>(def: D): D {
  const problems: string[] = []
  const fields = new Map<string, FieldDef>()
  const pageIds = new Set<string>()
  for (const page of def.pages) {
    if (pageIds.has(page.id)) problems.push(`duplicate page id "${page.id}"`)
    pageIds.add(page.id)
    for (const f of page.fields) {
      if (fields.has(f.id)) problems.push(`duplicate field id "${f.id}"`)
      if (!KNOWN_KINDS.includes(f.kind)) problems.push(`unknown kind "${String(f.kind)}" on "${f.id}"`)
      if (!ID.test(f.id)) problems.push(`field id "${f.id}" must be camelCase letters and digits`)
      fields.set(f.id, f)
    }
  }
  const checkCondition = (c: Condition | undefined, where: string) => {
    if (c && !fields.has(c.field)) problems.push(`${where} refers to unknown field "${c.field}"`)
  }
  const scope: Scope = { fields, problems, checkCondition }
  for (const page of def.pages) {
    checkCondition(page.visibleWhen, `page "${page.id}"`)
    for (const f of page.fields) checkField(f, page, scope)
    for (const rule of page.rules ?? []) checkRule(rule, page, scope)
  }
  const unique = (ids: string[], what: string) =>
    ids.filter((id, i) => ids.indexOf(id) !== i).forEach((id) => problems.push(`duplicate ${what} id "${id}"`))
  for (const flag of def.flags ?? []) checkFlag(flag, scope)
  unique((def.flags ?? []).map((f) => f.id), 'flag')
  unique((def.checks ?? []).map((c) => c.id), 'check')
  unique((def.fanOut ?? []).map((f) => f.id), 'fanOut')
  for (const f of def.fanOut ?? []) {
    checkCondition(f.when, `fanOut "${f.id}"`)
    if (!f.team) problems.push(`fanOut "${f.id}" has no team`)
    for (const p of f.pages ?? []) if (!pageIds.has(p)) problems.push(`fanOut "${f.id}" names unknown page "${p}"`)
  }
  checkSummary(def, fields, problems)
  checkRoles(def, fields, problems)
  if (def.postal) problems.push('postal is replaced by roles.address and the applicant or association roles (ADR 040)')
  for (const reserved of ['kontrollera', 'kvitto', 'skriv-under']) if (pageIds.has(reserved)) problems.push(`page id "${reserved}" is reserved for the portal's own pages`)
  if (!(Number.isInteger(def.handlingDays) && def.handlingDays >= 1)) problems.push('handlingDays must be a whole number of days, at least 1')
  for (const locale of ['sv', 'en'] as const)
    if (!def.afterReceipt?.[locale]?.includes('{days}')) problems.push(`afterReceipt.${locale} must tell the handling time with {days}`)
  if (!/^[A-Z]{2,5}$/.test(def.caseNumberPrefix)) problems.push('caseNumberPrefix must be 2–5 capital letters')
  if (problems.length) throw new Error(`Form "${def.id}" v${def.version} is broken:\n- ${problems.join('\n- ')}`)
  return def
}
