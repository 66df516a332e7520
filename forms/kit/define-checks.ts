import { canBeUnknown } from './flags.ts'
import { KNOWN_KINDS } from './kinds/index.ts'
import type { Condition, FieldDef, FlagCondition, FlagDef, FormDefinition, GroupField, PageDef, PageRule } from './types.ts'

export type Scope = {
  fields: Map<string, FieldDef>
  problems: string[]
  checkCondition: (c: Condition | undefined, where: string) => void
}

const ID = /^[a-z][a-zA-Z0-9]*$/
const NUMERIC = ['number', 'money']
const onPage = (page: PageDef, id: string) => page.fields.find((f) => f.id === id)

/** One field's own constraints: its kind, its condition, and what its kind needs to make sense. */
export function checkField(f: FieldDef, page: PageDef, { problems, checkCondition }: Scope) {
  checkCondition(f.visibleWhen, `field "${f.id}"`)
  checkCondition(f.prefill?.when, `prefill of "${f.id}"`)
  if (f.prefill && !['text', 'personnummer'].includes(f.kind)) problems.push(`"${f.id}" can only be prefilled if it is text or personnummer`)
  if ((f.kind === 'choice' || f.kind === 'multichoice') && f.options.length === 0) problems.push(`"${f.id}" has no options`)
  if (f.kind === 'text' && f.pattern !== undefined) {
    try {
      new RegExp(f.pattern)
    } catch {
      problems.push(`"${f.id}".pattern is not a regular expression`)
    }
  }
  if (f.kind === 'file') {
    for (const [key, ref] of [['keepMetadataField', f.keepMetadataField], ['laterField', f.laterField]] as const)
      if (ref && onPage(page, ref)?.kind !== 'checkbox') problems.push(`"${f.id}".${key} must be a checkbox on the same page`)
    if (f.laterField && f.optional) problems.push(`"${f.id}" is optional, so laterField means nothing`)
  }
  if (f.kind === 'group') checkGroup(f, problems)
  // Without JavaScript (or without a map in the profile) there is no map to tap: the question cannot be required.
  if (f.kind === 'mappoint' && f.input === 'map' && !f.optional) problems.push(`"${f.id}" is answered on a map, which needs JavaScript: make it optional`)
  if (f.kind === 'address' && f.autocomplete !== undefined && f.autocomplete !== 'off')
    problems.push(`"${f.id}".autocomplete can only be "off" (an address elsewhere than the person's own)`)
}

function checkGroup(g: GroupField, problems: string[]) {
  if (g.fields.length === 0) problems.push(`group "${g.id}" has no fields`)
  if (!(g.max >= 1) || (g.min ?? 0) > g.max) problems.push(`group "${g.id}" needs 1 ≤ max and min ≤ max`)
  const seen = new Set<string>()
  for (const sub of g.fields as FieldDef[]) {
    const where = `"${g.id}.${sub.id}"`
    if (seen.has(sub.id)) problems.push(`duplicate field id ${where}`)
    seen.add(sub.id)
    if (!ID.test(sub.id)) problems.push(`field id ${where} must be camelCase letters and digits`)
    if (sub.kind === 'group' || sub.kind === 'file') problems.push(`${where}: a group cannot hold ${sub.kind} fields`)
    else if (!KNOWN_KINDS.includes(sub.kind)) problems.push(`unknown kind "${String(sub.kind)}" on ${where}`)
    if (sub.visibleWhen) problems.push(`${where}: fields in a group cannot have visibleWhen`)
    if (sub.prefill) problems.push(`${where}: fields in a group cannot be prefilled`)
  }
  if (g.tally && !NUMERIC.includes(g.fields.find((s) => s.id === g.tally!.field)?.kind ?? ''))
    problems.push(`group "${g.id}".tally must name a number field of the group`)
}

export function checkRule(rule: PageRule, page: PageDef, { problems, checkCondition }: Scope) {
  const where = `a rule on page "${page.id}"`
  checkCondition(rule.when, where)
  const named = rule.kind === 'matchesIdentity' ? [rule.field] : rule.kind === 'sumAtMost' ? [...rule.fields, rule.max] : rule.fields
  for (const id of [...named, rule.target]) if (!onPage(page, id)) problems.push(`${where} names "${id}", not on that page`)
  if (rule.kind === 'sumAtMost')
    for (const id of [...rule.fields, rule.max])
      if (onPage(page, id) && !NUMERIC.includes(onPage(page, id)!.kind)) problems.push(`${where}: "${id}" is not a number`)
  if (rule.kind === 'matchesIdentity' && onPage(page, rule.field) && onPage(page, rule.field)!.kind !== 'personnummer')
    problems.push(`${where}: "${rule.field}" is not a personnummer`)
}

/** A flag's condition refers to fields that exist, of kinds its tests can read, and names its settings. */
export function checkFlag(flag: FlagDef, { fields, problems, checkCondition }: Scope) {
  const where = `flag "${flag.id}"`
  if (!ID.test(flag.id)) problems.push(`${where}: id must be camelCase letters and digits`)
  const kindOfField = (id: string) => fields.get(id)?.kind
  const need = (id: string, kinds: string[], what: string) => {
    if (!fields.has(id)) problems.push(`${where} refers to unknown field "${id}"`)
    else if (!kinds.includes(kindOfField(id)!)) problems.push(`${where}: "${id}" must be ${what}`)
  }
  const setting = (key: string) => {
    if (!ID.test(key)) problems.push(`${where}: setting "${key}" must be camelCase letters and digits`)
  }
  const walk = (c: FlagCondition) => {
    if ('all' in c) c.all.forEach(walk)
    else if ('any' in c) c.any.forEach(walk)
    else if ('not' in c) walk(c.not)
    else if ('ageBelow' in c) {
      need(c.ageBelow.field, ['personnummer'], 'a personnummer')
      setting(c.ageBelow.setting)
    } else if ('belowSetting' in c) {
      need(c.belowSetting.field, NUMERIC, 'a number')
      setting(c.belowSetting.setting)
    } else if ('postcodeOutside' in c) {
      need(c.postcodeOutside.field, ['address', 'text'], 'an address')
      setting(c.postcodeOutside.setting)
    } else if ('pastDeadline' in c) {
      setting(c.pastDeadline.setting)
      const path = c.pastDeadline.dateField
      if (path) {
        const [groupId = '', sub] = path.split('.')
        const g = fields.get(groupId)
        const target = sub ? (g?.kind === 'group' ? g.fields.find((s) => s.id === sub) : undefined) : g
        if (target?.kind !== 'date') problems.push(`${where}: dateField "${path}" must be a date field or <group>.<date field>`)
      }
    } else checkCondition(c, where)
  }
  walk(flag.when)
  // Staff read an unknown finding as its own sentence; the flag's reason would not be true then.
  if (!flag.unknown && canBeUnknown(flag.when)) problems.push(`${where} can come out unknown and needs an "unknown" text`)
}

/** Kinds whose answer may stand on the queue's line: short, and not identifying or describing a person. */
export const SUMMARY_KINDS: readonly string[] = ['choice', 'multichoice', 'text', 'address', 'mappoint', 'date', 'number', 'money', 'orgnr']

/** The queue summary names top-level fields of kinds fit for the queue, never a sensitive one (need-to-know). */
export function checkSummary(def: FormDefinition, fields: Map<string, FieldDef>, problems: string[]) {
  for (const id of def.summary?.fields ?? []) {
    const f = fields.get(id)
    if (!f) problems.push(`summary names unknown field "${id}"`)
    else if (f.sensitive) problems.push(`summary field "${id}" is sensitive and must not show in the queue`)
    else if (!SUMMARY_KINDS.includes(f.kind)) problems.push(`summary field "${id}" is a ${f.kind}, which the queue must not show`)
  }
}
