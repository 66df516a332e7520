import { describe, expect, it } from 'vitest'
import { evaluateFlags, fanOut, referencedTeams, summarise, type FormDefinition, type ValidationContext } from '../kit/index.ts'
import { tester } from '../common/testing.ts'
import { nyinflyttad } from './index.ts'

const ctx: ValidationContext = { locale: 'sv', today: '2026-11-22', settings: { municipalityPostcodes: ['135'] } }
const { errors, parse, check, rows } = tester(nyinflyttad, ctx)

const complete = {
  services: ['welcome', 'library'], name: 'Sara Ny', address: { street: 'Bollmora allé 1', postcode: '135 81', city: 'Tyresö' },
  moveInDate: '2026-12-15', email: 'sara@example.se', language: 'fi', consent: true,
}

describe('nyinflyttad', () => {
  it('needs no login, no signature and never asks for a personnummer', () => {
    expect(nyinflyttad).toMatchObject({ identification: 'none', sign: false })
    expect((nyinflyttad as FormDefinition).pages.flatMap((p) => p.fields).some((f) => f.kind === 'personnummer' || /personnummer/i.test(f.label.sv))).toBe(false)
  })
  it('points to Skatteverket for the moving notification on the first page', () => {
    expect(nyinflyttad.pages[0]!.notice?.body.sv).toMatch(/Skatteverket på skatteverket\.se/)
    expect(nyinflyttad.pages[0]!.notice?.link?.href).toMatch(/^https:\/\/www\.skatteverket\.se\//)
  })
  it('needs at least one service from the list', () => {
    expect(errors('tjanster', {})).toEqual({ services: 'Välj minst en sak du vill ha' })
    expect(errors('tjanster', { services: ['library', 'parking'] })).toEqual({ 'services.1': 'Ett svar finns inte bland alternativen. Välj bland dem som visas' })
    expect(parse('tjanster', { services: 'library' })).toEqual({ services: ['library'] })
  })
  it('asks about preschool only when chosen', () => {
    expect(check({ ...complete }).complete).toBe(true)
    expect(check({ ...complete, services: ['preschool'] }).firstIncomplete).toBe('forskola')
    expect(errors('forskola', {})).toEqual({ preschoolChildren: 'Antalet barn saknas. Skriv hur många barn det gäller' })
    expect(errors('forskola', { preschoolChildren: '2', preschoolStart: '2026-11-01' })).toEqual({ preschoolStart: 'Startdatumet har redan varit. Välj i dag eller ett senare datum' })
    expect(errors('forskola', { preschoolChildren: '2', preschoolStart: '2027-01-07' })).toEqual({})
  })
  it('needs name, address, a moving-in date at most 90 days ahead, e-mail and language', () => {
    expect(errors('om-dig', {})).toEqual({
      name: 'Namnet saknas. Fyll i ditt namn', address: 'Adressen saknas. Fyll i adressen du flyttar till', moveInDate: 'Datumet saknas. Fyll i dagen då du flyttar in',
      email: 'E-postadressen saknas. Fyll i den adress vi ska skicka informationen till', language: 'Inget språk är valt. Välj det språk du vill läsa informationen på',
    })
    const ok = { name: 'Sara', address: complete.address, email: 'sara@example.se', language: 'sv' }
    expect(errors('om-dig', { ...ok, moveInDate: '2027-02-20' })).toEqual({})
    expect(errors('om-dig', { ...ok, moveInDate: '2027-02-21' })).toEqual({ moveInDate: 'Du kan beställa högst 90 dagar innan du flyttar in' })
    expect(errors('om-dig', { ...ok, moveInDate: '2025-11-21' })).toEqual({ moveInDate: 'Inflyttningsdatumet kan vara högst ett år sedan' })
    expect(errors('om-dig', { ...ok, moveInDate: '2027-02-20', language: 'tlh' })).toEqual({ language: 'Svaret finns inte bland alternativen. Välj ett av dem' })
    expect(errors('om-dig', { ...ok, moveInDate: '2027-02-20', email: 'sara' }).email).toMatch(/rätt form,/)
  })
  it('keeps the household optional, with children’s ages as rows', () => {
    expect(errors('hushall', {})).toEqual({})
    expect(errors('hushall', { children: [{ age: '4' }, { age: '25' }, {}] })).toEqual({ 'children.1.age': 'Barn 2: Skriv bara barn som är 19 år eller yngre' })
    expect(parse('hushall', { adults: '2', children: [{ age: '4' }, {}, { age: '7' }] })).toEqual({ adults: 2, children: [{ age: 4 }, { age: 7 }] })
    expect(rows({ ...complete, children: [{ age: 4 }, { age: 7 }] })).toMatchObject({ 'children.0': 'Ålder: 4', 'children.1': 'Ålder: 7' })
  })
  it('needs consent, its legal basis', () => {
    expect(errors('samtycke', {})).toEqual({ consent: 'Du behöver samtycka för att vi ska kunna skicka informationen' })
  })
  it('fans out one sub-case per chosen service, each to its team and department', () => {
    expect(fanOut(nyinflyttad, check(complete).answers)).toEqual([
      { id: 'welcome', team: 'servicecenter', title: { sv: 'Välkomstpaket', en: 'Welcome pack' }, pages: ['om-dig', 'hushall', 'samtycke'] },
      { id: 'library', team: 'bibliotek', department: 'kultur-fritid', title: { sv: 'Lånekort', en: 'Library card' }, pages: ['om-dig', 'samtycke'] },
    ])
    const all = ['welcome', 'library', 'preschool', 'waste', 'leisure']
    expect(fanOut(nyinflyttad, { ...complete, services: all }).map((s) => s.id)).toEqual(all)
    expect(referencedTeams(nyinflyttad)).toEqual(['avfall', 'bibliotek', 'forening', 'forskola', 'servicecenter'])
  })
  it('flags an address outside the municipality without refusing it', () => {
    const outside = { ...complete, address: { street: 'Storgatan 1', postcode: '111 22', city: 'Stockholm' } }
    expect(evaluateFlags(nyinflyttad, outside, ctx)[0]).toMatchObject({ id: 'addressOutside', status: 'raised' })
    expect(check(outside).complete).toBe(true)
  })
  it('summarises the chosen services in English too', () => {
    const en = summarise(nyinflyttad, complete, 'en').flatMap((s) => s.rows)
    expect(en.find((r) => r.fieldId === 'services')?.value).toBe('A welcome pack with information about the municipality, A library card')
  })
})
