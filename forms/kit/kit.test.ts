import { describe, expect, it } from 'vitest'
import { checkSubmission, defineForm, fieldErrors, pageSchema, summarise, valuesFromFormData, type FormDefinition } from './index.ts'
import { toE164 } from './kinds/phone-numbers.ts'
import { parseIsoDate } from './kinds/date.ts'
import { normalisePostcode } from './kinds/address.ts'
import { checkFile } from './kinds/file.ts'

const ctx = { locale: 'sv' as const, today: '2026-11-22', bounds: { minLat: 59, maxLat: 60, minLon: 18, maxLon: 19 } }

const form = defineForm({
  id: 'prov', version: 1, caseNumberPrefix: 'PRV', identification: 'none', sign: false, handlingDays: 5, afterReceipt: { sv: 'Svar inom {days} dagar.', en: 'An answer within {days} days.' },
  title: { sv: 'Prov', en: 'Test' }, description: { sv: '', en: '' }, routing: { team: 't' },
  pages: [
    {
      id: 'a', title: { sv: 'A', en: 'A' },
      fields: [
        { id: 'kind', kind: 'choice', label: { sv: 'Typ', en: 'Type' }, options: [
          { value: 'x', label: { sv: 'Ex', en: 'Ex' } }, { value: 'y', label: { sv: 'Yn', en: 'Why' } }] },
        { id: 'onlyX', kind: 'text', label: { sv: 'Bara för x', en: 'Only x' }, visibleWhen: { field: 'kind', equals: 'x' } },
        { id: 'when', kind: 'date', label: { sv: 'Datum', en: 'Date' }, optional: true, minDaysFromToday: 0, maxDaysFromToday: 90 },
        { id: 'count', kind: 'number', label: { sv: 'Antal', en: 'Count' }, optional: true, integer: true, min: 1, max: 30 },
        { id: 'home', kind: 'address', label: { sv: 'Adress', en: 'Address' }, optional: true },
        { id: 'spot', kind: 'mappoint', label: { sv: 'Punkt', en: 'Point' }, optional: true, withinMunicipality: true },
        { id: 'tags', kind: 'multichoice', label: { sv: 'Taggar', en: 'Tags' }, optional: true, max: 1, options: [
          { value: 'p', label: { sv: 'P', en: 'P' } }, { value: 'q', label: { sv: 'Q', en: 'Q' } }] },
      ],
    },
    {
      id: 'b', title: { sv: 'B', en: 'B' }, visibleWhen: { field: 'kind', equals: 'y' },
      fields: [
        { id: 'agree', kind: 'checkbox', label: { sv: 'Jag godkänner', en: 'I agree' } },
        { id: 'mail', kind: 'email', label: { sv: 'E-post', en: 'Email' }, optional: true },
        { id: 'tel', kind: 'phone', label: { sv: 'Telefon', en: 'Phone' }, optional: true },
      ],
      rules: [{ kind: 'atLeastOne', fields: ['mail', 'tel'], target: 'mail', message: { sv: 'Ange e-post eller telefon', en: 'Email or phone' } }],
    },
  ],
} satisfies FormDefinition)

const errorsOf = (pageId: string, raw: Record<string, unknown>, answers = {}) => {
  const r = pageSchema(form, pageId, ctx, { answers }).safeParse(raw)
  return r.success ? {} : fieldErrors(r.error)
}

describe('pageSchema', () => {
  it('asks for required answers with the kind’s own sentence, never the label pasted in', () => {
    expect(errorsOf('a', {})).toEqual({ kind: 'Inget svar är valt. Välj ett av alternativen' })
  })
  it('validates a conditional field only when its condition holds, and drops it otherwise', () => {
    expect(errorsOf('a', { kind: 'x' })).toEqual({ onlyX: 'Svaret saknas. Skriv ditt svar i rutan' })
    const r = pageSchema(form, 'a', ctx).parse({ kind: 'y', onlyX: 'stale' })
    expect(r).toEqual({ kind: 'y' })
  })
  it('rejects an option that is not offered', () => {
    expect(errorsOf('a', { kind: 'z' })).toEqual({ kind: 'Svaret finns inte bland alternativen. Välj ett av dem' })
  })
  it('checks date bounds relative to today and rejects impossible dates', () => {
    expect(errorsOf('a', { kind: 'y', when: '2026-02-30' }).when).toBe('Datumet finns inte. Kontrollera dag, månad och år')
    expect(errorsOf('a', { kind: 'y', when: '2026-11-21' }).when).toBe('Datumet är för tidigt. Välj 22 november 2026 eller senare')
    expect(errorsOf('a', { kind: 'y', when: '2027-02-21' }).when).toBe('Datumet är för sent. Välj 20 februari 2027 eller tidigare')
    expect(errorsOf('a', { kind: 'y', when: '2027-02-20' })).toEqual({})
  })
  it('reads Swedish numbers and checks integer and range', () => {
    expect(pageSchema(form, 'a', ctx).parse({ kind: 'y', count: ' 12 ' }).count).toBe(12)
    expect(errorsOf('a', { kind: 'y', count: '2,5' }).count).toBe('Skriv ett helt tal, utan decimaler')
    expect(errorsOf('a', { kind: 'y', count: '31' }).count).toBe('Talet är för stort. Skriv högst 30')
    expect(errorsOf('a', { kind: 'y', count: 'tolv' }).count).toBe('Svaret är inte ett tal. Skriv bara siffror, till exempel 12')
  })
  it('reports each missing part of a partly filled address at its own input', () => {
    expect(errorsOf('a', { kind: 'y', home: { street: 'Storgatan 1', postcode: '1234', city: '' } })).toEqual({
      'home.postcode': 'Postnumret ska ha fem siffror, till exempel 135 81',
      'home.city': 'Fyll i ort',
    })
    expect(pageSchema(form, 'a', ctx).parse({ kind: 'y', home: { street: 'Storgatan 1', postcode: '13581', city: 'Tyresö' } }).home)
      .toEqual({ street: 'Storgatan 1', postcode: '135 81', city: 'Tyresö' })
  })
  it('refuses a map point outside the municipality', () => {
    expect(errorsOf('a', { kind: 'y', spot: { lat: '57.7', lon: '11.9' } })).toEqual({ 'spot.lat': 'Platsen ligger utanför kommunen. Kontrollera koordinaterna' })
    expect(pageSchema(form, 'a', ctx).parse({ kind: 'y', spot: { lat: '59,2', lon: '18.3' } }).spot).toEqual({ lat: 59.2, lon: 18.3 })
  })
  it('limits multi-choice answers', () => {
    expect(errorsOf('a', { kind: 'y', tags: ['p', 'q'] }).tags).toBe('Du har valt för många. Välj högst 1 alternativ')
  })
  it('applies page rules across fields and normalises phone numbers to E.164', () => {
    expect(errorsOf('b', { agree: 'on' })).toEqual({ mail: 'Ange e-post eller telefon' })
    expect(pageSchema(form, 'b', ctx).parse({ agree: 'on', tel: '070-123 45 67' })).toEqual({ agree: true, tel: '+46701234567' })
    expect(errorsOf('b', { agree: 'on', mail: 'inte-en-adress' }).mail).toMatch(/rätt form,/)
  })
  it('speaks English when English is chosen', () => {
    const r = pageSchema(form, 'a', { ...ctx, locale: 'en' }).safeParse({})
    expect(r.success ? {} : fieldErrors(r.error)).toEqual({ kind: 'No answer is selected. Select one of the options' })
  })
})

describe('checkSubmission', () => {
  it('finds the first incomplete page, skipping pages whose condition fails', () => {
    expect(checkSubmission(form, { kind: 'x', onlyX: 'ok' }, ctx)).toMatchObject({ complete: true })
    expect(checkSubmission(form, { kind: 'y' }, ctx)).toMatchObject({ complete: false, firstIncomplete: 'b' })
    expect(checkSubmission(form, {}, ctx).firstIncomplete).toBe('a')
  })
  it('accepts its own stored output again (stored answers re-validate)', () => {
    const a = pageSchema(form, 'a', ctx).parse({ kind: 'y', count: '3', home: { street: 'S 1', postcode: '13581', city: 'T' }, spot: { lat: '59.5', lon: '18.5' }, tags: 'p' })
    const b = pageSchema(form, 'b', ctx, { answers: a }).parse({ agree: 'on', tel: '08-123 456' })
    const check = checkSubmission(form, { ...a, ...b }, ctx)
    expect(check.complete).toBe(true)
    expect(check.answers).toEqual({ ...a, ...b })
  })
})

describe('summarise', () => {
  it('formats every visible answer and marks blank optional ones', () => {
    const rows = summarise(form, { kind: 'y', agree: true, tel: '+468123456', count: 1200 }, 'sv', { changeBase: '/e/prov' })
    expect(rows.map((s) => s.pageId)).toEqual(['a', 'b'])
    const all = Object.fromEntries(rows.flatMap((s) => s.rows).map((r) => [r.fieldId, r.value]))
    expect(all).toMatchObject({ kind: 'Yn', agree: 'Ja', tel: '08-12 34 56', mail: 'Inte angivet', count: '1\u00a0200' })
    expect(rows[0]!.rows[0]!.changeHref).toBe('/e/prov/a?andra=1#kind')
    expect(all).not.toHaveProperty('onlyX')
  })
})

describe('valuesFromFormData', () => {
  it('builds the nested shape react-hook-form uses', () => {
    const fd = new FormData()
    fd.set('kind', 'x'); fd.set('home.street', 'Gatan 2'); fd.append('tags', 'p'); fd.append('tags', 'q')
    expect(valuesFromFormData(form.pages[0]!, fd)).toMatchObject({ kind: 'x', home: { street: 'Gatan 2' }, tags: ['p', 'q'] })
  })
})

describe('defineForm', () => {
  it('fails loudly on unknown kinds, duplicate ids and dangling conditions', () => {
    const bad = { ...form, pages: [{ id: 'a', title: { sv: '', en: '' }, fields: [
      { id: 'x', kind: 'slider', label: { sv: '', en: '' } },
      { id: 'x', kind: 'text', label: { sv: '', en: '' }, visibleWhen: { field: 'nope', equals: 'y' } },
    ] }] } as unknown as FormDefinition
    expect(() => defineForm(bad)).toThrow(/unknown kind "slider"[\s\S]*duplicate field id "x"[\s\S]*unknown field "nope"/)
  })
})

describe('validators', () => {
  it.each([
    ['070-123 45 67', '+46701234567'], ['08-123 456', '+468123456'], ['+46 0701234567', '+46701234567'],
    ['0046701234567', '+46701234567'], ['070-123 45', null],
  ])('phone %s → %s (docs/domain.md §6.6)', (input, out) => expect(toE164(input)).toBe(out))
  it('postcodes (docs/domain.md §6.5)', () => {
    expect(normalisePostcode('13581')).toBe('135 81')
    expect(normalisePostcode('035 81')).toBeNull()
  })
  it('dates', () => {
    expect(parseIsoDate('2024-02-29')).toBe('2024-02-29')
    expect(parseIsoDate('2023-02-29')).toBeNull()
  })
  it('file rules name the file and the limit', () => {
    const field = { id: 'f', kind: 'file' as const, label: { sv: 'Foton', en: 'Photos' }, accept: ['image/jpeg', 'image/png'], maxSizeMb: 10, maxFiles: 3 }
    expect(checkFile(field, { name: 'a.gif', size: 10, mime: 'image/gif' }, 'sv')).toBe('Filen a.gif har fel filtyp. Välj en fil av typen JPEG eller PNG')
    expect(checkFile(field, { name: 'b.jpg', size: 11 * 1024 * 1024, mime: 'image/jpeg' }, 'sv')).toBe('Filen b.jpg är för stor. Den får vara högst 10 MB')
    expect(checkFile(field, { name: 'c.jpg', size: 100, mime: 'image/jpeg' }, 'sv')).toBeNull()
  })
})

describe('journey', async () => {
  const { journey } = await import('./journey.ts')
  it('sends a citizen who skips ahead back to the first incomplete page', () => {
    const j = journey(form, {}, ctx)
    expect(j.redirectFor('a')).toBeNull()
    expect(j.redirectFor('b')).toBe('a')
  })
  it('skips pages whose condition fails, and counts a step that may not apply all the same (the total never moves)', () => {
    expect(journey(form, { kind: 'x', onlyX: 'ok' }, ctx).step('a')).toEqual({ n: 1, total: 2 })
    expect(journey(form, { kind: 'x', onlyX: 'ok' }, ctx).next('a')).toBeNull()
    const j = journey(form, { kind: 'y' }, ctx)
    expect(j.next('a')).toBe('b')
    expect(j.step('b')).toEqual({ n: 2, total: 2 })
    expect(j.previous('b')).toBe('a')
    expect(j.redirectFor('b')).toBeNull()
  })
  it('knows the first incomplete page past the one shown, and a complete draft as complete', () => {
    const open = journey(form, { kind: 'y' }, ctx)
    // Page b is shown (a is complete) although b itself is not: it is checked only when asked about.
    expect(open.redirectFor('b')).toBeNull()
    expect(open.complete).toBe(false)
    expect(open.firstIncomplete).toBe('b')
    expect(open.redirectFor('nowhere')).toBe('b')
    const done = journey(form, { kind: 'y', agree: true, mail: 'a@b.se' }, ctx)
    expect(done.complete).toBe(true)
    expect(done.firstIncomplete).toBeUndefined()
    expect(done.redirectFor('nowhere')).toBe('a')
  })
})
