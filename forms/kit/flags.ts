import { noticeSettings } from './notice.ts'
import { holds } from './conditions.ts'
import { dueDate, readDeadline } from './deadlines.ts'
import { formatDate, parseIsoDate } from './kinds/date.ts'
import { groupItems } from './kinds/group.ts'
import { ageOn } from './kinds/personnummer.ts'
import { fill, t } from './text.ts'
import type { Answers, FlagCondition, FlagDef, FormDefinition, Locale, Text, ValidationContext } from './types.ts'

/** `unknown`: a setting or answer the condition needs is missing, so a person has to judge it. */
export type FlagStatus = 'raised' | 'clear' | 'unknown'
export type FlagOutcome = {
  id: string
  status: FlagStatus
  /** The definition's texts with `{placeholders}` filled, in both languages. */
  reason: Text
  /** What was found, as a sentence true for the status: `reason`, `clear` or `unknown` (FlagDef). */
  finding: Text
  citizen?: Text
  routeTo?: string
  /** What was missing when the status is unknown: `setting:<key>` or `answer:<field>`. */
  missing?: string[]
}

type Tri = boolean | null
type Result = { value: Tri; missing: string[]; vars: Record<string, string | number> }

const known = (value: boolean, vars: Result['vars'] = {}): Result => ({ value, missing: [], vars })
const unknown = (...missing: string[]): Result => ({ value: null, missing, vars: {} })

/**
 * Evaluates a definition's eligibility flags on the stored answers (checkSubmission's `answers`). Flags
 * never reject: the route receives the case anyway, records the raised and unknown ones for the
 * servicecenter, routes by `routeTo`, and tells the citizen `citizen`. Conditions use three-valued
 * logic, so a missing setting shows as "needs a human look" instead of silently passing.
 */
export function evaluateFlags(def: FormDefinition, answers: Answers, ctx: ValidationContext): FlagOutcome[] {
  return (def.flags ?? []).map((flag) => outcome(flag, evaluate(flag.when, answers, ctx), ctx))
}

function outcome(flag: FlagDef, r: Result, ctx: ValidationContext): FlagOutcome {
  const status: FlagStatus = r.value === null ? 'unknown' : r.value ? 'raised' : 'clear'
  const vars = { ...settingVars(ctx.settings), ...r.vars }
  const both = (text: Text): Text => ({ sv: fillFor(text, 'sv', vars), en: fillFor(text, 'en', vars) })
  const reason = both(flag.reason)
  return {
    id: flag.id,
    status,
    reason,
    finding: status === 'raised' ? reason : status === 'clear' ? both(flag.clear) : flag.unknown ? both(flag.unknown) : unjudged(reason),
    ...(flag.citizen ? { citizen: both(flag.citizen) } : {}),
    ...(flag.routeTo ? { routeTo: flag.routeTo } : {}),
    ...(status === 'unknown' ? { missing: r.missing } : {}),
  }
}

/** An unknown finding of a flag without its own `unknown` text (one whose condition is plain answers). */
const unjudged = (reason: Text): Text => ({
  sv: `Det gick inte att avgöra automatiskt om detta gäller: ${reason.sv}`, en: `It could not be judged automatically whether this applies: ${reason.en}`,
})

const fillFor = (text: Text, locale: Locale, vars: Record<string, string | number>) =>
  fill(t(text, locale), Object.fromEntries(Object.entries(vars).map(([k, v]) =>
    [k, typeof v === 'string' && parseIsoDate(v) ? formatDate(v, locale) : v])))

function settingVars(settings: Record<string, unknown> = {}): Record<string, string | number> {
  const out: Record<string, string | number> = {}
  for (const [k, v] of Object.entries(settings)) {
    if (typeof v === 'string' || typeof v === 'number') out[k] = v
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) out[k] = v.join(', ')
  }
  return out
}

function combine(results: Result[], mode: 'all' | 'any'): Result {
  const decisive = mode === 'all' ? false : true
  const vars = Object.assign({}, ...results.map((r) => r.vars)) as Result['vars']
  const missing = results.flatMap((r) => r.missing)
  if (results.some((r) => r.value === decisive)) return { value: decisive, missing: [], vars }
  if (results.some((r) => r.value === null)) return { value: null, missing, vars }
  return { value: !decisive, missing: [], vars }
}

function evaluate(c: FlagCondition, answers: Answers, ctx: ValidationContext): Result {
  const setting = (key: string) => ctx.settings?.[key]
  if ('all' in c) return combine(c.all.map((x) => evaluate(x, answers, ctx)), 'all')
  if ('any' in c) return combine(c.any.map((x) => evaluate(x, answers, ctx)), 'any')
  if ('not' in c) {
    const r = evaluate(c.not, answers, ctx)
    return { ...r, value: r.value === null ? null : !r.value }
  }
  if ('ageBelow' in c) {
    const { field, setting: key } = c.ageBelow
    const min = setting(key)
    const pnr = answers[field]
    if (typeof min !== 'number') return unknown(`setting:${key}`)
    if (typeof pnr !== 'string' || !/^\d{12}$/.test(pnr)) return unknown(`answer:${field}`)
    const age = ageOn(pnr, ctx.today)
    return known(age < min, { age })
  }
  if ('belowSetting' in c) {
    const { field, setting: key } = c.belowSetting
    const min = setting(key)
    const n = answers[field]
    if (typeof min !== 'number') return unknown(`setting:${key}`)
    if (typeof n !== 'number') return unknown(`answer:${field}`)
    return known(n < min)
  }
  if ('postcodeOutside' in c) {
    const { field, setting: key } = c.postcodeOutside
    const prefixes = setting(key)
    if (!Array.isArray(prefixes) || !prefixes.every((p) => typeof p === 'string')) return unknown(`setting:${key}`)
    const raw = answers[field]
    const code = (raw && typeof raw === 'object' ? String((raw as Record<string, unknown>).postcode ?? '') : String(raw ?? '')).replace(/\s/g, '')
    if (!code) return unknown(`answer:${field}`)
    return known(!prefixes.some((p) => code.startsWith(p.replace(/\s/g, ''))))
  }
  if ('pastDeadline' in c) {
    const { setting: key, dateField } = c.pastDeadline
    const deadline = readDeadline(setting(key))
    if (!deadline) return unknown(`setting:${key}`)
    const date = dateField ? dateAnswer(answers, dateField) : ctx.today
    if (!date) return unknown(`answer:${dateField}`)
    const due = dueDate(deadline, date)
    if (!due) return unknown(`setting:${key}`)
    return known(ctx.today > due, { deadline: due })
  }
  return known(holds(c, answers))
}

/** A date field's answer, or the earliest date in a group's items for `<group>.<field>`. */
function dateAnswer(answers: Answers, path: string): string | null {
  const [groupId, sub] = path.split('.')
  if (!sub) return typeof answers[path] === 'string' ? parseIsoDate(answers[path] as string) : null
  const dates = groupItems(answers[groupId!])
    .map((item) => (typeof item[sub] === 'string' ? parseIsoDate(item[sub] as string) : null))
    .filter((d): d is string => !!d)
    .sort()
  return dates[0] ?? null
}

/** The flags to record on the case as `{ flag, reason }` (services/cases/events.ts): raised and unknown ones, each with its finding. */
export function caseFlags(outcomes: FlagOutcome[], locale: Locale = 'sv'): { flag: string; reason: string }[] {
  return outcomes.filter((o) => o.status !== 'clear').map((o) => ({ flag: o.id, reason: t(o.finding, locale) }))
}

/** Whether a flag's condition can come out unknown (it reads a setting or a computed value), so it needs an `unknown` text. */
export function canBeUnknown(c: FlagCondition): boolean {
  if ('all' in c) return c.all.some(canBeUnknown)
  if ('any' in c) return c.any.some(canBeUnknown)
  if ('not' in c) return canBeUnknown(c.not)
  return 'ageBelow' in c || 'belowSetting' in c || 'postcodeOutside' in c || 'pastDeadline' in c
}

/** The team a received case goes to: the first raised flag's `routeTo`, else the definition's routing. */
export function routeAfterFlags(def: FormDefinition, outcomes: FlagOutcome[]): { team: string; department?: string } {
  const to = outcomes.find((o) => o.status === 'raised' && o.routeTo)?.routeTo
  return to ? { ...def.routing, team: to } : def.routing
}

/** Every setting key a definition's flags and notices read, for checking the municipality's configuration at start-up. */
export function requiredSettings(def: FormDefinition): string[] {
  const keys = new Set<string>()
  const walk = (c: FlagCondition) => {
    if ('all' in c) c.all.forEach(walk)
    else if ('any' in c) c.any.forEach(walk)
    else if ('not' in c) walk(c.not)
    else if ('ageBelow' in c) keys.add(c.ageBelow.setting)
    else if ('belowSetting' in c) keys.add(c.belowSetting.setting)
    else if ('postcodeOutside' in c) keys.add(c.postcodeOutside.setting)
    else if ('pastDeadline' in c) keys.add(c.pastDeadline.setting)
  }
  for (const f of def.flags ?? []) walk(f.when)
  for (const key of noticeSettings(def)) keys.add(key)
  return [...keys].sort()
}
