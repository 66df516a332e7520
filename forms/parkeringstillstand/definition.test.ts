import { describe, expect, it } from 'vitest'
import { evaluateFlags, requiredSettings, type ValidationContext } from '../kit/index.ts'
import { fileRef, tester } from '../common/testing.ts'
import { parkeringstillstand } from './index.ts'

const ME = '198612139983'
const ctx: ValidationContext = {
  locale: 'sv', today: '2026-11-22',
  identity: { personalNumber: ME, name: 'Johan Testsson' },
  settings: { municipalityPostcodes: ['135'] },
}
const { errors, check, rows } = tester(parkeringstillstand, ctx)
const photo = fileRef('foto.jpg', 'image/jpeg')

const complete = {
  applyingFor: 'self', applicantName: 'Johan Testsson', applicantPnr: ME,
  address: { street: 'Bollmora allé 1', postcode: '135 81', city: 'Tyresö' }, phone: '+46701234567',
  permitFor: 'driver', applicationType: 'new', lasting: 'yes', validity: '5y',
  certificate: [fileRef()], certificateDate: '2026-10-01', doctorNotRelative: true,
  photo: [photo], signatureImage: [fileRef('namn.png', 'image/png')],
  truthful: true, privacyAck: true,
}
const flags = (answers: Record<string, unknown>) =>
  Object.fromEntries(evaluateFlags(parkeringstillstand, { ...complete, ...answers }, ctx).map((f) => [f.id, f.status]))

describe('parkeringstillstånd', () => {
  it('needs BankID and a signature; the traffic department decides and it can be appealed', () => {
    expect(parkeringstillstand).toMatchObject({ identification: 'bankid', sign: true, decision: { byServicecenter: false, appealable: true }, routing: { team: 'trafik' } })
  })
  it('needs an address and a phone number; e-mail is optional but checked', () => {
    expect(errors('kontakt', {})).toEqual({ address: 'Adressen saknas. Fyll i adressen där du är folkbokförd', phone: 'Telefonnumret saknas. Fyll i det nummer vi kan ringa dig på' })
    expect(errors('kontakt', { address: complete.address, phone: '08-123 456', email: 'inte-en-adress' }).email).toMatch(/rätt form,/)
  })
  it('needs driver or passenger, new or renewal, duration and validity', () => {
    expect(errors('tillstand', {})).toEqual({
      permitFor: 'Välj förare eller passagerare',
      applicationType: 'Välj ny ansökan eller förnyelse',
      lasting: 'Välj hur länge svårigheterna beräknas vara',
      validity: 'Välj hur länge tillståndet ska gälla',
    })
    expect(errors('tillstand', { permitFor: 'driver', applicationType: 'new', lasting: 'yes', validity: '10y' })).toEqual({ validity: 'Svaret finns inte bland alternativen. Välj ett av dem' })
  })
  it('asks a passenger why they cannot wait alone, in at least 50 characters', () => {
    const base = { permitFor: 'passenger', applicationType: 'new', lasting: 'yes', validity: '2y' }
    expect(errors('tillstand', base)).toEqual({ passengerReason: 'Beskriv varför du inte kan vänta ensam medan föraren parkerar' })
    expect(errors('tillstand', { ...base, passengerReason: 'Jag blir förvirrad.' })).toEqual({ passengerReason: 'Beskrivningen är för kort. Beskriv med minst 50 tecken varför du inte kan vänta ensam' })
    expect(errors('tillstand', { ...base, passengerReason: 'Jag har demens och kan gå vilse om jag lämnas ensam en stund vid bilen.' })).toEqual({})
    expect(errors('tillstand', { ...base, permitFor: 'driver', passengerReason: 'kort' })).toEqual({})
  })
  it('asks for the old permit number on a renewal only', () => {
    const base = { permitFor: 'driver', lasting: 'yes', validity: '2y' }
    expect(errors('tillstand', { ...base, applicationType: 'renewal' })).toEqual({ oldPermitNumber: 'Numret saknas. Fyll i numret som står på ditt nuvarande kort' })
    expect(errors('tillstand', { ...base, applicationType: 'renewal', oldPermitNumber: 'T-2021-113' })).toEqual({})
    expect(errors('tillstand', { ...base, applicationType: 'new' })).toEqual({})
  })
  it('needs a medical certificate at most 90 days old, not from the future, from a doctor who is not a relative', () => {
    expect(errors('lakarintyg', {})).toEqual({
      certificate: 'Läkarintyget saknas. Bifoga intyget från din läkare',
      certificateDate: 'Datumet saknas. Fyll i dagen då läkaren skrev intyget',
      doctorNotRelative: 'Bekräfta att läkaren inte är släkt med dig',
    })
    const base = { certificate: [fileRef()], doctorNotRelative: 'on' }
    expect(errors('lakarintyg', { ...base, certificateDate: '2026-08-23' })).toEqual({ certificateDate: 'Läkarintyget får vara högst 90 dagar gammalt. Be om ett nytt intyg, utfärdat 24 augusti 2026 eller senare' })
    expect(errors('lakarintyg', { ...base, certificateDate: '2026-08-24' })).toEqual({})
    expect(errors('lakarintyg', { ...base, certificateDate: '2026-11-23' })).toEqual({ certificateDate: 'Datumet kan inte vara senare än i dag. Kontrollera datumet på intyget' })
    expect(errors('lakarintyg', { ...base, certificateDate: '2026-11-31' })).toEqual({ certificateDate: 'Datumet finns inte. Kontrollera dag, månad och år på intyget' })
    expect(errors('lakarintyg', { ...base, certificateDate: '2026-08-23' }, {}, { ...ctx, today: '2026-11-21' })).toEqual({})
    expect(errors('lakarintyg', { ...base, certificate: [fileRef('intyg.gif', 'image/gif')], certificateDate: '2026-10-01' }).certificate).toMatch(/fel filtyp/)
  })
  it('checks the certificate age again when sending: a draft can grow old', () => {
    expect(check(complete).complete).toBe(true)
    expect(check(complete, { ...ctx, today: '2027-01-01' }).firstIncomplete).toBe('lakarintyg')
  })
  it('takes photo and signature now or later, but one or the other', () => {
    expect(errors('foto', {})).toEqual({
      photo: 'Bifoga ett foto eller kryssa i att du lämnar det senare',
      signatureImage: 'Bifoga din namnteckning eller kryssa i att du lämnar den senare',
    })
    expect(errors('foto', { photoLater: 'on', signatureLater: 'on' })).toEqual({})
    expect(errors('foto', { photo: [photo], signatureLater: 'on' })).toEqual({})
    expect(errors('foto', { photo: [fileRef('foto.pdf')], signatureLater: 'on' }).photo).toMatch(/fel filtyp/)
    expect(rows({ ...complete, photo: [], photoLater: true }).photo).toBe('Lämnas in senare')
  })
  it('needs the confirmations', () => {
    expect(errors('bekrafta', {})).toEqual({
      truthful: 'Kryssa i rutan för att intyga att uppgifterna stämmer',
      privacyAck: 'Läs informationen om personuppgifter och kryssa sedan i rutan',
    })
  })
})

describe('parkeringstillstånd flags (never reject)', () => {
  it('raises nothing for a complete, lasting application', () => {
    expect(Object.values(flags({})).every((s) => s === 'clear')).toBe(true)
  })
  it('flags a short impairment, a missing photo or signature, and an address outside the municipality', () => {
    expect(flags({ lasting: 'no' }).notLasting).toBe('raised')
    expect(flags({ lasting: 'unknown' }).notLasting).toBe('clear')
    expect(flags({ photo: [], photoLater: true }).photoMissing).toBe('raised')
    expect(flags({ signatureImage: [], signatureLater: true }).signatureMissing).toBe('raised')
    expect(flags({ address: { street: 'A 1', postcode: '753 20', city: 'Uppsala' } }).addressOutside).toBe('raised')
    expect(check({ ...complete, lasting: 'no', photo: [], photoLater: true }).complete).toBe(true)
  })
  it('names its settings and declares the manual checks', () => {
    expect(requiredSettings(parkeringstillstand)).toEqual(['municipalityPostcodes'])
    expect(parkeringstillstand.checks.map((c) => c.id)).toContain('photoAndSignature')
  })
})
