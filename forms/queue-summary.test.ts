import { describe, expect, it } from 'vitest'
import { felanmalan } from './felanmalan/index.ts'
import { caseSummary, defineForm, type FormDefinition } from './kit/index.ts'
import { FORMS } from './registry.ts'
import { trygghetslarm } from './trygghetslarm/index.ts'

const L = (sv: string) => ({ sv, en: sv })
const withSummary = (fields: unknown[], summary: string[]) => () => defineForm({
  id: 'def', version: 1, caseNumberPrefix: 'DEF', identification: 'none', sign: false, handlingDays: 5, afterReceipt: { sv: 'Svar inom {days} dagar.', en: 'An answer within {days} days.' }, title: L('D'), description: L(''),
  routing: { team: 't' }, summary: { fields: summary }, pages: [{ id: 'p', title: L('P'), fields }],
} as FormDefinition)

describe('the queue summary a definition declares', () => {
  it('is declared by every e-service, so every queue line says what the case is about', () => {
    for (const f of FORMS) expect(f.summary?.fields.length, f.id).toBeGreaterThan(0)
  })

  it('gives the category and the address of a fault report on one line', () => {
    const answers = { category: 'klotter', address: { street: 'Storgatan 1', postcode: '135 40', city: 'Tyresö' }, description: 'Klotter på väggen' }
    expect(caseSummary(felanmalan, answers, 'sv')).toBe('Klotter · Storgatan 1, 135 40 Tyresö')
    expect(caseSummary(felanmalan, answers, 'en')).toBe('Graffiti · Storgatan 1, 135 40 Tyresö')
  })

  it('gives the applicant of an application and nothing of their health, pets or door code', () => {
    const answers = { applyingFor: 'self', applicantName: 'Margareta Testsson', applicantPnr: '19500101-1234', healthNotes: 'Diabetes', pets: 'En katt', doorCode: '4711' }
    const line = caseSummary(trygghetslarm, answers, 'sv')
    expect(line).toBe('Margareta Testsson')
  })

  it('gives a fault report’s place however it was given: a description or a point on the map', () => {
    expect(caseSummary(felanmalan, { category: 'park', placeDetails: 'Vid lekplatsen i Alby' }, 'sv')).toBe('Park eller träd · Vid lekplatsen i Alby')
    expect(caseSummary(felanmalan, { category: 'park', point: { lat: 59.2441, lon: 18.229 } }, 'sv')).toBe('Park eller träd · 59.24410, 18.22900')
  })

  it('leaves out answers that did not apply or were left blank', () => {
    expect(caseSummary(felanmalan, { category: 'park', address: { street: '', postcode: '', city: '' }, placeDetails: '' }, 'sv')).toBe('Park eller träd')
    const conditional = withSummary([
      { id: 'kind', kind: 'choice', label: L('K'), options: [{ value: 'a', label: L('A') }, { value: 'b', label: L('B') }] },
      { id: 'name', kind: 'text', label: L('N'), visibleWhen: { field: 'kind', equals: 'a' } },
    ], ['kind', 'name'])()
    expect(caseSummary(conditional, { kind: 'b', name: 'Kvar från förr' }, 'sv')).toBe('B')
  })

  it('drops a field that a later version of the definition marks sensitive', () => {
    const marked = { ...felanmalan, pages: felanmalan.pages.map((p) => ({ ...p, fields: p.fields.map((f) => (f.id === 'category' ? { ...f, sensitive: 'health' as const } : f)) })) }
    expect(caseSummary(marked, { category: 'klotter' }, 'sv')).toBe('')
  })

  it('is refused by defineForm for unknown, sensitive, identifying or long fields', () => {
    expect(withSummary([{ id: 'a', kind: 'text', label: L('A') }], ['nope'])).toThrow(/summary names unknown field "nope"/)
    expect(withSummary([{ id: 'pets', kind: 'text', label: L('P'), sensitive: 'health' }], ['pets'])).toThrow(/"pets" is sensitive/)
    expect(withSummary([{ id: 'pnr', kind: 'personnummer', label: L('P') }], ['pnr'])).toThrow(/"pnr" is a personnummer/)
    expect(withSummary([{ id: 'text', kind: 'textarea', label: L('T') }], ['text'])).toThrow(/"text" is a textarea/)
    expect(withSummary([{ id: 'a', kind: 'text', label: L('A') }], ['a'])).not.toThrow()
  })
})
