import { describe, expect, it } from 'vitest'
import { FORMS } from './registry.ts'
import {
  KNOWN_KINDS, afterReceipt, evaluateFlags, fanOut, kindOf, requiredSettings, summarise, visiblePages,
  type Condition, type FieldDef, type FormDefinition, type Text,
} from './kit/index.ts'

/** An answer that makes the condition hold, for walking conditional pages and fields. */
const sample = (c: Condition): unknown => ('equals' in c ? c.equals : 'in' in c ? c.in[0] : 'includes' in c ? [c.includes] : 'x')

/** Every citizen-facing text of a field, its options and its messages. */
const textsOf = (f: FieldDef): Text[] => [
  f.label, ...(f.hint ? [f.hint] : []), ...Object.values(f.errors ?? {}).filter((x): x is Text => !!x),
  ...('options' in f ? f.options.flatMap((o) => [o.label, ...(o.hint ? [o.hint] : [])]) : []),
  ...(f.kind === 'group' ? [f.itemLabel, ...(f.addLabel ? [f.addLabel] : []), ...f.fields.flatMap(textsOf)] : []),
  ...(f.kind === 'file' && f.purpose ? [f.purpose] : []),
]

// Walks every e-service, offered or upcoming: a definition that a citizen cannot complete, or whose
// answers would vanish from the receipt, must fail here rather than in production.
describe.each(FORMS.map((f) => [f.id, f] as const))('form %s', (_id, def: FormDefinition) => {
  const fields = def.pages.flatMap((p) => p.fields)

  it('tells the citizen what happens next with its own handling time, in both languages', () => {
    for (const locale of ['sv', 'en'] as const) {
      const next = afterReceipt(def, locale)
      expect(next).toContain(String(def.handlingDays))
      expect(next).not.toMatch(/[{}]/)
    }
  })

  it('uses only known field kinds, in groups too', () => {
    for (const f of [...fields, ...fields.flatMap((f) => (f.kind === 'group' ? f.fields : []))]) {
      expect(KNOWN_KINDS).toContain(f.kind)
      expect(() => kindOf(f)).not.toThrow()
    }
  })

  it('has every page reachable by some answers', () => {
    for (const page of def.pages) {
      if (!page.visibleWhen) continue
      const c = page.visibleWhen
      expect(visiblePages(def, { [c.field]: sample(c) }).map((p) => p.id)).toContain(page.id)
    }
  })

  it('summarises every field when its condition holds, and every answer in a group item', () => {
    for (const f of fields) {
      const answers: Record<string, unknown> = {}
      const c = f.visibleWhen
      if (c) answers[c.field] = sample(c)
      for (const p of def.pages) if (p.fields.includes(f) && p.visibleWhen) answers[p.visibleWhen.field] = sample(p.visibleWhen)
      const rows = summarise(def, answers, 'sv').flatMap((s) => s.rows)
      expect(rows.map((r) => r.fieldId)).toContain(f.id)
      if (f.kind !== 'group') continue
      // Formatters must cope with any stored value: old answers render as they were filed.
      answers[f.id] = [Object.fromEntries(f.fields.map((sub) => [sub.id, sub.kind === 'checkbox' ? true : '7']))]
      const item = summarise(def, answers, 'sv').flatMap((s) => s.rows).find((r) => r.fieldId === `${f.id}.0`)
      for (const sub of f.fields) expect(item?.value).toContain(sub.label.sv)
    }
  })

  it('has texts in Swedish and English for every label, option, hint, message, flag and check', () => {
    const texts = [
      def.title, def.description, ...def.pages.flatMap((p) => [p.title, ...(p.intro ? [p.intro] : []), ...(p.notice ? [p.notice.title, p.notice.body] : [])]),
      ...fields.flatMap(textsOf), ...def.pages.flatMap((p) => (p.rules ?? []).map((r) => r.message)),
      ...(def.flags ?? []).flatMap((f) => [f.reason, f.clear, ...(f.unknown ? [f.unknown] : []), ...(f.citizen ? [f.citizen] : [])]),
      ...(def.checks ?? []).map((c) => c.label), ...(def.fanOut ?? []).map((f) => f.title),
    ]
    for (const text of texts) {
      expect(text.sv.trim()).not.toBe('')
      expect(text.en.trim()).not.toBe('')
    }
  })

  it('evaluates its flags on empty answers without throwing, and declares every setting they read', () => {
    const outcomes = evaluateFlags(def, {}, { locale: 'sv', today: '2026-11-22', settings: {} })
    expect(outcomes.map((o) => o.id)).toEqual((def.flags ?? []).map((f) => f.id))
    const read = outcomes.flatMap((o) => o.missing ?? []).filter((m) => m.startsWith('setting:')).map((m) => m.slice('setting:'.length))
    for (const key of read) expect(requiredSettings(def)).toContain(key)
    // Without settings or answers a finding still reads as a whole sentence: no value it cannot know.
    for (const o of outcomes) expect(`${o.finding.sv} ${o.finding.en}`).not.toMatch(/[{}]/)
    expect(() => fanOut(def, {})).not.toThrow()
  })

  it('asks for login and signature together, and names a team to route to', () => {
    expect(def.sign && def.identification === 'none').toBe(false)
    expect(def.routing.team).not.toBe('')
  })
})
