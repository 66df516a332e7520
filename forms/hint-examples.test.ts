import { describe, expect, it } from 'vitest'
import { everyField } from './testing/every-field.ts'
import { fullHint, kindOf, LOCALES, t, type FieldDef, type Locale } from './kit/index.ts'

/**
 * An example in a hint or a message is what people copy: it must pass the field's own check (the
 * organisationsnummer hint 802000-1234 failed its checksum). Every "till exempel …" / "like …" in every
 * hint and message of every field with a format is read back and answered to the field.
 */
const ctx = (locale: Locale) => ({ locale, today: '2026-11-22', bounds: { minLat: 59.17, maxLat: 59.31, minLon: 18.2, maxLon: 18.47 } })
const FORMATTED = new Set(['personnummer', 'orgnr', 'phone', 'email', 'giro', 'money', 'number', 'address', 'mappoint'])
const formatted = (f: FieldDef) => FORMATTED.has(f.kind) || (f.kind === 'text' && !!f.pattern)

/** The example after "till exempel", "for example" or "like", up to the end of its sentence or the next "eller"/"or"/"och"/"and". */
export function examplesIn(text: string): string[] {
  const out: string[] = []
  for (const m of text.matchAll(/(?:till exempel|for example|like) (.+?)(?=\.(?:\s|$)|,\s|\s(?:eller|or|och|and)\s|$)/gi)) out.push(m[1]!.trim())
  return out
}

/** The field's answer with the example in its place; a mappoint takes both coordinates of "59.2441 och 18.2290". */
function answerWith(f: FieldDef, example: string, text: string, rule: string): unknown {
  switch (f.kind) {
    case 'address': return { street: 'Storgatan 1', postcode: example, city: 'Tyresö' }
    case 'giro': return { type: rule === 'invalidPlusgiro' ? 'plusgiro' : 'bankgiro', number: example }
    case 'mappoint': {
      const [lat, lon] = text.match(/\d+\.\d+/g) ?? []
      return { lat, lon }
    }
    default: return example
  }
}

describe('examples in hints and messages', () => {
  it('are found in the usual phrasings', () => {
    expect(examplesIn('Tio siffror, till exempel 802000-1239.')).toEqual(['802000-1239'])
    expect(examplesIn('Skriv e-postadressen i rätt form, till exempel namn@exempel.se')).toEqual(['namn@exempel.se'])
    expect(examplesIn('like 150 or 1 200.50')).toEqual(['150'])
  })

  const fields = everyField().filter((f) => formatted(f.field))
  it.each(fields.map((f) => [f.path, f] as const))('%s: every example passes the field’s own check', (_path, { field }) => {
    for (const locale of LOCALES) {
      const own = field.errors ?? {}
      const texts: [string, string][] = [['hint', fullHint(field, locale) ?? '']]
      for (const [rule, fallback] of Object.entries(kindOf(field).messages(field))) texts.push([rule, t(own[rule] ?? fallback, locale)])
      for (const [rule, text] of texts)
        for (const example of examplesIn(text)) {
          const result = kindOf(field).schema(field, ctx(locale)).safeParse(answerWith(field, example, text, rule))
          expect(result.success, `${rule} (${locale}): "${example}" in "${text}"`).toBe(true)
        }
    }
  })
})
