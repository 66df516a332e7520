import { describe, expect, it } from 'vitest'
import { FORMS } from './registry.ts'
import { everyField } from './testing/every-field.ts'
import { kindOf, languagesOf, t, type Text } from './kit/index.ts'

/**
 * Content design (klarspråk, GOV.UK): every message a citizen can get from a field says what is wrong and how
 * to fix it in a whole sentence of its own. Pasting the label in ("Fyll i kassör: namn", "Hur många barn
 * gäller det? måste vara en siffra") is what this test stops, in every language, for every field.
 */
const words = (s: string) => s.split(/\s+/).filter(Boolean)
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * A message repeats the label when the label is pasted in as it stands: a label that is a question or has a
 * colon or brackets anywhere in it ("Hur många barn gäller det? måste vara en siffra", "Fyll i säte (kommun)"),
 * a label as the sentence's subject ("Antal medlemmar måste vara…"), or a verb and the label and nothing else
 * ("Fyll i namn", "Bifoga budget"). A label's words inside a real sentence are fine
 * ("Fyll i namnet på kontaktpersonen"). Words are whole words: "fullmakten" is not "fullmakt".
 */
export function repeatsLabel(message: string, label: string): boolean {
  const bare = label.trim().replace(/[?:.]$/, '').trim()
  if (!bare) return false
  const found = new RegExp(`(?<![\\p{L}\\d])${escape(bare)}(?![\\p{L}\\d])`, 'iu').exec(message)
  if (!found) return false
  if (/[?:(]/.test(label)) return true
  if (found.index === 0) return true
  const rest = words(message.slice(0, found.index) + message.slice(found.index + found[0].length))
  return rest.length <= 2 && !rest.some((w) => DETERMINERS.has(w.toLocaleLowerCase('sv')))
}

/** "Enter your name", "Attach the lease": a determiner makes the label part of a sentence, not a pasted field name. */
const DETERMINERS = new Set(['the', 'a', 'an', 'your', 'their', 'its', 'our', 'en', 'ett', 'din', 'ditt', 'dina', 'er', 'ert', 'era', 'den', 'det', 'de'])

const problems = (text: string, label: string): string[] => [
  ...(text.trim() === '' ? ['is missing'] : []),
  ...(repeatsLabel(text, label) ? ['repeats the label'] : []),
  ...(/\?\s*$/.test(text) ? ['ends with a question mark'] : []),
  ...(/\{label\}/.test(text) ? ['pastes {label}'] : []),
]

describe('every message of every field', () => {
  const fields = everyField()

  it.each(fields.map((f) => [f.path, f] as const))('%s: own messages in every language, never the label pasted in', (_path, { def, field }) => {
    const own: Record<string, Text | undefined> = field.errors ?? {}
    const defaults = kindOf(field).messages(field)
    // An own message for a rule the field cannot break is a typo or a leftover: nobody would ever see it.
    for (const rule of Object.keys(own)) expect(Object.keys(defaults), `own message "${rule}"`).toContain(rule)
    // The message a citizen meets most: each required field says in its own words what to fill in.
    if (!field.optional) expect(own.required, 'own "required" message').toBeDefined()
    for (const [rule, fallback] of Object.entries(defaults))
      for (const locale of languagesOf(def)) {
        const text = own[rule]?.[locale] ?? (own[rule] ? '' : t(fallback, locale))
        expect(problems(text, t(field.label, locale)), `${rule} (${locale}): "${text}"`).toEqual([])
      }
  })

  // A limit lives once, in the field's rule: its messages name it through {min}/{max}, so changing the rule can
  // never leave a message promising the old number.
  it.each(fields.map((f) => [f.path, f] as const))('%s: limits named through {min} and {max}, not written out', (_path, { def, field }) => {
    const f = field as { min?: number; max?: number; minLength?: number; maxLength?: number }
    const limits: [string, number | undefined][] = [
      ['tooSmall', f.min], ['tooLarge', f.max], ['tooShort', f.minLength], ['tooLong', f.maxLength],
    ]
    for (const [rule, limit] of limits) {
      if (limit === undefined) continue
      for (const locale of languagesOf(def)) {
        const text = field.errors?.[rule]?.[locale] ?? ''
        const written = [String(limit), new Intl.NumberFormat('sv-SE').format(limit), new Intl.NumberFormat('en-GB').format(limit)]
        expect(written.some((n) => new RegExp(`(?<![\\d{])${escape(n)}(?![\\d}])`).test(text)), `${rule} (${locale}): "${text}"`).toBe(false)
      }
    }
  })

  it('page rules speak for themselves too', () => {
    for (const def of FORMS)
      for (const page of def.pages)
        for (const rule of page.rules ?? []) {
          const target = page.fields.find((f) => f.id === rule.target)!
          for (const locale of languagesOf(def))
            expect(problems(t(rule.message, locale), t(target.label, locale)), `${def.id}.${page.id} ${rule.kind}`).toEqual([])
        }
  })
})

describe('repeatsLabel', () => {
  it('finds a pasted label and lets a sentence use an ordinary word', () => {
    expect(repeatsLabel('Fyll i kassör: namn', 'Kassör: namn')).toBe(true)
    expect(repeatsLabel('Hur många barn gäller det? måste vara en siffra', 'Hur många barn gäller det?')).toBe(true)
    expect(repeatsLabel('Fyll i namn', 'Namn')).toBe(true)
    expect(repeatsLabel('Antal medlemmar måste vara en siffra', 'Antal medlemmar')).toBe(true)
    expect(repeatsLabel('Fyll i säte (kommun)', 'Säte (kommun)')).toBe(true)
    expect(repeatsLabel('Bifoga fullmakten', 'Fullmakt')).toBe(false)
    expect(repeatsLabel('Fyll i ditt namn', 'Namn')).toBe(false)
    expect(repeatsLabel('Fyll i kassörens namn', 'Kassör: namn')).toBe(false)
    expect(repeatsLabel('Fyll i namnet på kontaktpersonen', 'Namn')).toBe(false)
  })
})
