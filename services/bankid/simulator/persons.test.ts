import { describe, expect, it } from 'vitest'
import { ageOn, normalisePersonnummer, resolvePerson, TEST_PERSONS } from './persons.ts'

describe('TEST_PERSONS', () => {
  it('are all valid 12-digit personnummer', () => {
    for (const p of TEST_PERSONS) expect(normalisePersonnummer(p.personalNumber)).toBe(p.personalNumber)
  })

  it('include a person aged 70 and one aged 40 today', () => {
    const ages = TEST_PERSONS.map((p) => ageOn(p.personalNumber, new Date(Date.UTC(2026, 10, 22))))
    expect(ages).toContain(70)
    expect(ages).toContain(40)
  })

  it('keep one person aged 65 or more and one younger, whatever today is', () => {
    const ages = TEST_PERSONS.map((p) => ageOn(p.personalNumber, new Date()))
    expect(ages.some((a) => a >= 65)).toBe(true)
    expect(ages.some((a) => a >= 18 && a < 65)).toBe(true)
  })
})

describe('normalisePersonnummer', () => {
  it.each([
    ['560314-9989', '195603149989'],
    ['5603149989', '195603149989'],
    ['19560314-9989', '195603149989'],
    ['195603149989', '195603149989'],
    [' 121212+1212 ', '191212121212'],
    ['701063-2391', '197010632391'],
  ])('%s → %s', (input, expected) => {
    expect(normalisePersonnummer(input)).toBe(expected)
  })

  it.each(['195603149988', '170230-2397', '20170101239', 'abc'])('rejects %s', (input) => {
    expect(normalisePersonnummer(input)).toBeNull()
  })
})

describe('ageOn', () => {
  it('counts a birthday on the day itself', () => {
    expect(ageOn('195603149989', new Date(Date.UTC(2026, 2, 13)))).toBe(69)
    expect(ageOn('195603149989', new Date(Date.UTC(2026, 2, 14)))).toBe(70)
  })

  it('reads the real day out of a samordningsnummer', () => {
    expect(ageOn('197010632391', new Date(Date.UTC(2026, 9, 3)))).toBe(56)
    expect(ageOn('197010632391', new Date(Date.UTC(2026, 9, 2)))).toBe(55)
  })
})

describe('resolvePerson', () => {
  it('finds a listed person from any format', () => {
    expect(resolvePerson('860612-9933')).toEqual({ personalNumber: '198606129933', givenName: 'Johan', surname: 'Testsson' })
  })

  it('gives an unlisted valid number a placeholder name', () => {
    expect(resolvePerson('201701012393')).toMatchObject({ personalNumber: '201701012393', givenName: 'Test' })
  })

  it('refuses an invalid number', () => {
    expect(() => resolvePerson('201701012394')).toThrow(/valid personnummer/)
  })
})
