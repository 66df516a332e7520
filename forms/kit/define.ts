import { KNOWN_KINDS } from './kinds/index.ts'
import type { Condition, FieldDef, FormDefinition } from './types.ts'

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
      if (!/^[a-z][a-zA-Z0-9]*$/.test(f.id)) problems.push(`field id "${f.id}" must be camelCase letters and digits`)
      fields.set(f.id, f)
    }
  }
  const checkCondition = (c: Condition | undefined, where: string) => {
    if (c && !fields.has(c.field)) problems.push(`${where} refers to unknown field "${c.field}"`)
  }
  for (const page of def.pages) {
    checkCondition(page.visibleWhen, `page "${page.id}"`)
    for (const f of page.fields) {
      checkCondition(f.visibleWhen, `field "${f.id}"`)
      if (f.kind === 'file' && f.keepMetadataField) {
        const keep = page.fields.find((x) => x.id === f.keepMetadataField)
        if (keep?.kind !== 'checkbox') problems.push(`"${f.id}".keepMetadataField must be a checkbox on the same page`)
      }
      if ((f.kind === 'choice' || f.kind === 'multichoice') && f.options.length === 0)
        problems.push(`"${f.id}" has no options`)
    }
    for (const rule of page.rules ?? []) {
      checkCondition(rule.when, `a rule on page "${page.id}"`)
      for (const id of [...rule.fields, rule.target])
        if (!page.fields.some((f) => f.id === id)) problems.push(`a rule on page "${page.id}" names "${id}", not on that page`)
    }
  }
  for (const reserved of ['kontrollera', 'kvitto']) if (pageIds.has(reserved)) problems.push(`page id "${reserved}" is reserved for the portal's own pages`)
  if (!/^[A-Z]{2,5}$/.test(def.caseNumberPrefix)) problems.push('caseNumberPrefix must be 2–5 capital letters')
  if (problems.length) throw new Error(`Form "${def.id}" v${def.version} is broken:\n- ${problems.join('\n- ')}`)
  return def
}
