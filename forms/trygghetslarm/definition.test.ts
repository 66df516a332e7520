import { describe, expect, it } from 'vitest'
import { evaluateFlags, prefillAnswers, requiredSettings, routeAfterFlags, valuesFromFormData, type PageDef, type ValidationContext } from '../kit/index.ts'
import { fileRef, tester } from '../common/testing.ts'
import { trygghetslarm } from './index.ts'

const SEVENTY = '195603149989'
const SIXTY_FOUR = '196201019806' // turns 65 on 2027-01-01
const ctx: ValidationContext = {
  locale: 'sv', today: '2026-11-22',
  identity: { personalNumber: SEVENTY, name: 'Margareta Testsson' },
  settings: { trygghetslarmMinAge: 65, municipalityPostcodes: ['135'] },
}
const { errors, parse, check, rows } = tester(trygghetslarm, ctx)

const complete = {
  applyingFor: 'self', applicantName: 'Margareta Testsson', applicantPnr: SEVENTY,
  address: { street: 'Bollmora allé 1', postcode: '135 81', city: 'Tyresö' }, housing: 'ordinart', phone: '+46701234567',
  keyHandling: 'keys', completeKeySet: true,
  contacts: [{ name: 'Anna Testsson', relation: 'Dotter', phone: '+46701234568', hasKey: true }],
  alreadyCovered: 'no',
}
const flags = (answers: Record<string, unknown>, c = ctx) =>
  Object.fromEntries(evaluateFlags(trygghetslarm, { ...complete, ...answers }, c).map((f) => [f.id, f.status]))

describe('trygghetslarm', () => {
  it('needs BankID and a signature, and is decided by the servicecenter', () => {
    expect(trygghetslarm).toMatchObject({ identification: 'bankid', sign: true, decision: { byServicecenter: true } })
  })
  it('asks whom the application is for', () => {
    expect(errors('vem', {})).toEqual({ applyingFor: 'Välj om du ansöker för dig själv eller för någon annan' })
    expect(errors('vem', { applyingFor: 'grannen' })).toEqual({ applyingFor: 'Svaret finns inte bland alternativen. Välj ett av dem' })
  })
  it('prefills name and personnummer from BankID when applying for oneself, and holds them to it', () => {
    expect(prefillAnswers(trygghetslarm, { applyingFor: 'self' }, ctx.identity!)).toMatchObject({ applicantName: 'Margareta Testsson', applicantPnr: SEVENTY })
    expect(prefillAnswers(trygghetslarm, { applyingFor: 'ombud' }, ctx.identity!)).toEqual({ applyingFor: 'ombud' })
    expect(errors('sokande', { applicantName: 'M', applicantPnr: '19560314-9989' }, { applyingFor: 'self' })).toEqual({})
    expect(errors('sokande', { applicantName: 'M', applicantPnr: SIXTY_FOUR }, { applyingFor: 'self' }).applicantPnr).toMatch(/^Personnumret är inte ditt/)
  })
  it('needs the applicant’s details, and a power of attorney that is not the ombud’s own number', () => {
    expect(errors('sokande', {}, { applyingFor: 'ombud' })).toEqual({
      applicantName: 'Fyll i namnet på den som ansökan gäller',
      applicantPnr: 'Fyll i personnumret för den som ansökan gäller',
      powerOfAttorney: 'Fullmakten saknas. Bifoga fullmakten från den som ansökan gäller',
    })
    expect(errors('sokande', { applicantName: 'M', applicantPnr: '5603149989', powerOfAttorney: [fileRef()] }, { applyingFor: 'ombud' }))
      .toEqual({ applicantPnr: 'Skriv personnumret för den du ansöker för, inte ditt eget' })
    expect(errors('sokande', { applicantName: 'Far', applicantPnr: '19400101-9803', powerOfAttorney: [fileRef()] }, { applyingFor: 'ombud' })).toEqual({})
    expect(errors('sokande', { applicantName: 'Far', applicantPnr: '19400101-9804', powerOfAttorney: [fileRef()] }, { applyingFor: 'ombud' }).applicantPnr)
      .toMatch(/inget sådant personnummer/)
  })
  it('wants the address, housing and a phone number; flat number is four digits', () => {
    expect(errors('bostad', {})).toEqual({ address: 'Adressen saknas. Fyll i adressen där du är folkbokförd', housing: 'Välj hur du bor', phone: 'Telefonnumret saknas. Fyll i det nummer vi kan ringa dig på' })
    const ok = { address: complete.address, housing: 'ordinart', phone: '070-123 45 67' }
    expect(errors('bostad', ok)).toEqual({})
    expect(errors('bostad', { ...ok, apartmentNumber: '12' })).toEqual({ apartmentNumber: 'Lägenhetsnumret ska ha fyra siffror, till exempel 1102' })
    expect(errors('bostad', { ...ok, apartmentNumber: '1102', doorCode: '1234' })).toEqual({})
    expect(errors('bostad', { ...ok, phone: '070-123' }).phone).toMatch(/telefonnummer som går att ringa/)
    expect(errors('bostad', { ...ok, address: { street: 'Gatan 1', postcode: '', city: 'Tyresö' } })).toEqual({ 'address.postcode': 'Fyll i postnummer' })
  })
  it('needs key handling, and a complete key set confirmed when handing over keys', () => {
    expect(errors('nycklar', {})).toEqual({ keyHandling: 'Välj hur personalen ska komma in' })
    expect(errors('nycklar', { keyHandling: 'keys' })).toEqual({ completeKeySet: 'Bekräfta att du lämnar en komplett uppsättning nycklar' })
    expect(errors('nycklar', { keyHandling: 'keys', completeKeySet: 'on' })).toEqual({})
    expect(errors('nycklar', { keyHandling: 'digitalLock' })).toEqual({})
  })
  it('takes one to three contact people, each with name, relation and phone', () => {
    // The group's own message, at the group: no row is marked when none was begun.
    expect(errors('kontaktpersoner', { contacts: [{}, {}, {}] })).toEqual({ contacts: 'Ange minst en kontaktperson med namn, relation och telefonnummer' })
    expect(errors('kontaktpersoner', { contacts: [{ name: 'Anna', relation: 'Dotter', phone: '070-123 45 67' }, { name: 'Bo' }, {}] })).toEqual({
      'contacts.1.relation': 'Kontaktperson 2: Relationen saknas. Skriv vem personen är för dig, till exempel dotter eller granne',
      'contacts.1.phone': 'Kontaktperson 2: Telefonnumret saknas. Fyll i kontaktpersonens telefonnummer',
    })
    const four = Array.from({ length: 4 }, () => ({ name: 'A', relation: 'B', phone: '070-123 45 67' }))
    expect(errors('kontaktpersoner', { contacts: four })).toEqual({ contacts: 'Du kan ange högst tre kontaktpersoner' })
    expect(parse('kontaktpersoner', { contacts: [{ name: 'Anna', relation: 'Dotter', phone: '070-123 45 67', hasKey: 'on' }, {}, {}] }))
      .toEqual({ contacts: [{ name: 'Anna', relation: 'Dotter', phone: '+46701234567', hasKey: true }] })
  })
  it('reads the contact rows from a post without JavaScript', () => {
    const fd = new FormData()
    fd.set('contacts.0.name', 'Anna'); fd.set('contacts.0.relation', 'Dotter'); fd.set('contacts.0.phone', '070-123 45 67')
    fd.set('contacts.1.name', ''); fd.set('contacts.2.name', '')
    const page = trygghetslarm.pages.find((p) => p.id === 'kontaktpersoner')!
    expect(errors('kontaktpersoner', valuesFromFormData(page, fd))).toEqual({})
  })
  it('keeps health details optional, limited and protected', () => {
    expect(errors('halsa', {})).toEqual({})
    expect(errors('halsa', { healthNotes: 'x'.repeat(1001) })).toEqual({ healthNotes: 'Texten är för lång. Skriv högst 1000 tecken' })
    const shown = rows({ ...complete, healthNeeds: ['hearing'], healthNotes: 'Diabetes', doorCode: '4711' }, 'sv', ['health', 'code'])
    expect(shown.healthNeeds).toMatch(/^Skyddad uppgift/)
    expect(shown.healthNotes).toMatch(/^Skyddad uppgift/)
    expect(shown.doorCode).toMatch(/^Skyddad uppgift/)
    expect(rows({ ...complete, healthNotes: 'Diabetes' }).healthNotes).toBe('Diabetes')
  })
  it('needs the coverage question, and informs rather than asking for boxes to be ticked', () => {
    expect(errors('information', {})).toEqual({
      alreadyCovered: 'Inget svar är valt. Välj Ja om du redan har larm eller annan hjälp, annars Nej',
    })
    const page: PageDef = trygghetslarm.pages.find((p) => p.id === 'information')!
    expect(page.fields.map((f) => f.kind)).toEqual(['choice'])
    expect(page.notice?.link?.href).toBe('/personuppgifter')
  })
  it('is complete with the answers above, and sends a half-filled one back to the first gap', () => {
    expect(check(complete).complete).toBe(true)
    expect(check({ ...complete, contacts: [] }).firstIncomplete).toBe('kontaktpersoner')
    expect(check({ ...complete, completeKeySet: false }).firstIncomplete).toBe('nycklar')
  })
  it('summarises contacts per person', () => {
    expect(rows(complete)['contacts.0']).toBe('Namn: Anna Testsson\nRelation till dig: Dotter\nTelefon: 070-123 45 68\nHar nyckel till bostaden: Ja')
    expect(rows(complete).applicantPnr).toBe('19560314-9989')
  })
})

describe('trygghetslarm eligibility flags (never reject)', () => {
  it('raises nothing for an eligible applicant and keeps the elderly-care routing', () => {
    const outcomes = evaluateFlags(trygghetslarm, complete, ctx)
    expect(outcomes.every((o) => o.status === 'clear')).toBe(true)
    // Each finding is a sentence true of this applicant, in both languages.
    expect(outcomes.find((o) => o.id === 'underMinAge')!.finding).toEqual({
      sv: `Sökanden är 70 år, minst 65 år som gäller utan biståndsbedömning`,
      en: `The applicant is 70, at least the 65 that applies without a needs assessment`,
    })
    expect(outcomes.find((o) => o.id === 'notOrdinaryHousing')!.finding.sv).toBe('Sökanden bor i ordinärt boende')
    expect(routeAfterFlags(trygghetslarm, outcomes)).toEqual({ team: 'social', department: 'socialforvaltningen' })
  })
  it('flags an applicant under the configured minimum age, routes to a case officer and tells the citizen', () => {
    const outcomes = evaluateFlags(trygghetslarm, { ...complete, applicantPnr: SIXTY_FOUR }, ctx)
    const young = outcomes.find((o) => o.id === 'underMinAge')!
    expect(young).toMatchObject({ status: 'raised', reason: { sv: 'Sökanden är 64 år, yngre än 65 år som gäller utan biståndsbedömning' } })
    expect(young.finding).toEqual(young.reason)
    expect(young.citizen?.sv).toMatch(/biståndshandläggare/)
    expect(routeAfterFlags(trygghetslarm, outcomes).team).toBe('bistand')
    expect(check({ ...complete, applyingFor: 'ombud', applicantPnr: SIXTY_FOUR, powerOfAttorney: [fileRef()] }).complete).toBe(true)
  })
  it('takes the minimum age from configuration (Malmö uses 69)', () => {
    expect(flags({}, { ...ctx, settings: { ...ctx.settings, trygghetslarmMinAge: 69 } }).underMinAge).toBe('clear')
    expect(flags({}, { ...ctx, settings: { ...ctx.settings, trygghetslarmMinAge: 71 } }).underMinAge).toBe('raised')
    expect(flags({}, { ...ctx, settings: {} }).underMinAge).toBe('unknown')
  })
  it('flags housing other than ordinary, existing cover and an address outside the municipality', () => {
    expect(flags({ housing: 'servicehus' }).notOrdinaryHousing).toBe('raised')
    expect(flags({ housing: 'sarskilt' }).notOrdinaryHousing).toBe('raised')
    expect(flags({ alreadyCovered: 'yes' }).alreadyCovered).toBe('raised')
    expect(flags({ address: { street: 'Storgatan 1', postcode: '111 22', city: 'Stockholm' } }).addressOutside).toBe('raised')
  })
  it('names its settings', () => {
    expect(requiredSettings(trygghetslarm)).toEqual(['municipalityPostcodes', 'trygghetslarmInstallationFee', 'trygghetslarmMinAge', 'trygghetslarmMonthlyFee'])
  })
})
