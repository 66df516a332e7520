import { z } from 'zod'
import { describe, expect, it } from 'vitest'
import { FORMS } from './registry.ts'
import { fieldErrors, pageSchema, type Answers, type Condition, type FieldDef, type FormDefinition, type Locale, type PageDef } from './kit/index.ts'

const LOCALES: Locale[] = ['sv', 'en']
const ctx = (locale: Locale) => ({ locale, today: '2026-11-22', bounds: { minLat: 59.1, maxLat: 59.4, minLon: 18.1, maxLon: 18.5 } })

const LONG = 'x'.repeat(5000)
/** What a hostile or broken post can put in any field: too long, the wrong type, empty, NUL. */
const ANY: unknown[] = [LONG, '\u0000', `a\u0000b`, '   ', '', 12345, -1, 1e308, Number.NaN, true, false, null, {}, [], [1, 2], ['\u0000'], { a: { b: 1 } }]

/** Hostile values shaped like the field's own answer, so the checks inside the shape run too. */
function hostile(f: FieldDef): unknown[] {
  switch (f.kind) {
    case 'address':
      return [...ANY, { street: 'x'.repeat(201), postcode: '135 81', city: 'Tyresö' }, { street: 'Storgatan 1', postcode: '135 81', city: 'x'.repeat(101) },
        { street: 5, postcode: {}, city: ['x'] }, { street: '\u0000', postcode: 'x'.repeat(300), city: '' }]
    case 'mappoint':
      return [...ANY, { lat: '999', lon: '18.2' }, { lat: '59.2', lon: 'abc' }, { lat: 59.2 }, { lat: -1e308, lon: 1e308 }, { lat: '\u0000', lon: LONG }]
    case 'giro':
      return [...ANY, { type: 'bankgiro', number: LONG }, { type: 'annat', number: '5050-1055' }, { type: 5, number: {} }, { type: 'plusgiro', number: '\u0000' }]
    case 'file':
      return [...ANY, [{}], [{ id: 1 }], ['x'], [{ id: 'a', name: 'b', mime: 'c', size: 'd' }], Array.from({ length: 50 }, () => ({ id: 'a', name: 'a.pdf', mime: 'application/pdf', size: 1 }))]
    case 'multichoice':
      return [...ANY, ['finns-inte'], Array.from({ length: 50 }, (_, i) => `v${i}`)]
    case 'group':
      return [...ANY, Array.from({ length: f.max + 3 }, () => Object.fromEntries(f.fields.map((s) => [s.id, '1']))),
        ...f.fields.flatMap((sub) => hostile(sub).map((v) => [{ [sub.id]: v }]))]
    default:
      return ANY
  }
}

/** An answer that makes a condition hold, so conditional fields are validated too. */
const sample = (c: Condition): unknown => ('equals' in c ? c.equals : 'in' in c ? c.in[0] : 'includes' in c ? [c.includes] : 'x')

function messagesFor(def: FormDefinition, page: PageDef, f: FieldDef, value: unknown, locale: Locale): string[] {
  const raw: Answers = { [f.id]: value }
  if (f.visibleWhen) raw[f.visibleWhen.field] = sample(f.visibleWhen)
  const result = pageSchema(def, page.id, ctx(locale)).safeParse(raw)
  return result.success ? [] : Object.values(fieldErrors(result.error))
}

/** Every rule of every field answered by the definition itself, so any other text must come from zod. */
const OWN = (locale: Locale) => new RegExp(`^(.*: )?${locale === 'sv' ? 'EGEN' : 'OWN'} \\w+$`)
const ownErrors = new Proxy({}, { get: (_t, rule) => ({ sv: `EGEN ${String(rule)}`, en: `OWN ${String(rule)}` }) })
const withOwnErrors = (f: FieldDef): FieldDef =>
  ({ ...f, errors: ownErrors, ...(f.kind === 'group' ? { fields: f.fields.map(withOwnErrors) } : {}) }) as FieldDef

/** Hundreds of hostile values through every field (200-row groups included): slow on a shared, busy CI machine. */
const HEAVY = 30_000

describe.each(FORMS.map((d) => [d.id, d] as const))('every field of %s', (_id, def) => {
  it('answers hostile values only with messages the definition or the kit wrote, in the visitor’s language', () => {
    // Page rules compare answers across fields and carry the definition's own texts; they are not zod's.
    const own: FormDefinition = { ...def, pages: def.pages.map((p) => ({ ...p, rules: [], fields: p.fields.map(withOwnErrors) })) }
    let checked = 0
    for (const page of own.pages)
      for (const f of page.fields)
        for (const value of hostile(f))
          for (const locale of LOCALES)
            for (const m of messagesFor(own, page, f, value, locale)) {
              expect(m, `${page.id}.${f.id} = ${JSON.stringify(value)?.slice(0, 60)}`).toMatch(OWN(locale))
              checked++
            }
    expect(checked).toBeGreaterThan(0)
  }, HEAVY)

  it('never shows zod’s own English with the real definitions', () => {
    for (const page of def.pages)
      for (const f of page.fields)
        for (const value of hostile(f))
          for (const locale of LOCALES)
            for (const m of messagesFor(def, page, f, value, locale))
              expect(m, `${page.id}.${f.id}`).not.toMatch(/^(Invalid|Too (big|small)|Expected|Unrecognized|Required)\b|expected .* to (be|have)/)
  }, HEAVY)
})

describe('a street of 201 characters', () => {
  it('is refused with the portal’s own words in the visitor’s language', () => {
    const def = FORMS.find((d) => d.id === 'felanmalan')!
    const page = def.pages.find((p) => p.id === 'plats')!
    const address = page.fields.find((f) => f.id === 'address')!
    const street = { street: 'x'.repeat(201), postcode: '135 81', city: 'Tyresö' }
    expect(messagesFor(def, page, address, street, 'sv')).toEqual(['Gatuadressen får ha högst 200 tecken'])
    expect(messagesFor(def, page, address, street, 'en')).toEqual(['The street address must be 200 characters or fewer'])
  })
})

describe('a zod schema outside the kit', () => {
  it('falls back to the portal’s own Swedish text, not zod’s', () => {
    expect(z.string().max(2).safeParse('xxx').error?.issues[0]?.message).toBe('Kontrollera uppgiften.')
    expect(z.number().safeParse('x').error?.issues[0]?.message).toBe('Kontrollera uppgiften.')
  })
})
