import { describe, expect, it } from 'vitest'
import list from '../testdata/personnummer/list.json'
import interim from '../testdata/personnummer/interim.json'
import orgnumbers from '../testdata/personnummer/orgnumber.json'
import { luhnCheckDigit, luhnValid } from '../luhn.ts'
import { formatGiro, normaliseGiro } from './giro.ts'
import { parseKronor } from './money.ts'
import { normaliseOrgnr } from './orgnr.ts'
import { ageOn, birthDateOf, normalisePersonnummer } from './personnummer.ts'

// A fixed "today" so the century rules and ages do not drift with the calendar.
const today = '2026-11-22'
const pnr = (input: string, samordning = true) => normalisePersonnummer(input, today, { allowSamordningsnummer: samordning })

describe('Luhn (docs/domain.md §6.1)', () => {
  it('gives 6 for the worked example 811218-987?', () => {
    expect(luhnCheckDigit('811218987')).toBe(6)
    expect(luhnValid('8112189876')).toBe(true)
    expect(luhnValid('8112189875')).toBe(false)
  })
})

describe('personnummer', () => {
  it.each(list.filter((x) => x.type === 'ssn' || x.type === 'con'))('shared test list: $separated_long is valid=$valid', (x) => {
    // Without a separator a centenarian's short form means "-" (under 100), as Skatteverket writes it.
    const inputs = [x.long_format, x.separated_format, x.separated_long, ...(x.separated_format.includes('+') ? [] : [x.short_format])]
    for (const input of inputs) {
      const r = pnr(input)
      expect(r.ok, input).toBe(x.valid)
      if (r.ok) {
        expect(r.value).toBe(x.long_format)
        expect(r.samordningsnummer).toBe(x.type === 'con')
      }
    }
  })
  it.each(interim)('refuses interim numbers ($separated_long)', (x) => {
    expect(pnr(x.long_format).ok).toBe(false)
    expect(pnr(x.separated_format).ok).toBe(false)
  })
  it.each([
    ['201701012393', '201701012393'],
    ['19000612-9803', '190006129803'],
    ['200306062381', '200306062381'],
    ['900209+9811', '189002099811'],
    ['701063-2391', '197010632391'],
  ])('§6.2 table: %s is valid → %s', (input, out) => {
    expect(pnr(input)).toMatchObject({ ok: true, value: out })
  })
  it.each([
    ['201701012394', 'invalid'],
    ['170230-2397', 'invalid'],
    ['20170101239', 'format'],
  ])('§6.2 table: %s is refused (%s)', (input, problem) => {
    expect(pnr(input)).toEqual({ ok: false, problem })
  })
  it('refuses a samordningsnummer unless the field allows it', () => {
    expect(pnr('701063-2391', false)).toEqual({ ok: false, problem: 'samordningsnummer' })
  })
  it('takes the latest century that is not in the future for "-" and none', () => {
    // 2026-12-24 has not happened on 2026-11-22, so 261224 is 1926; 261121 is 2026.
    const dec = '261224-123'
    const check = (nine: string) => `${nine}${luhnCheckDigit(nine.replace('-', ''))}`
    expect(pnr(check(dec))).toMatchObject({ ok: true, value: `19${check(dec).replace('-', '')}` })
    expect(pnr(check('261121-123'))).toMatchObject({ ok: true, value: `20${check('261121-123').replace('-', '')}` })
  })
  it('reads "+" as 100 or older during the current year', () => {
    expect(pnr('090527+1474')).toMatchObject({ ok: true, value: '190905271474' })
    expect(pnr('090527-1474')).toMatchObject({ ok: true, value: '200905271474' })
  })
  it('allows only the centuries 18, 19 and 20 in the 12-digit form, and no birth date after today', () => {
    expect(pnr('170101012393')).toEqual({ ok: false, problem: 'invalid' })
    const nine = '20261224123'
    expect(pnr(`${nine}${luhnCheckDigit(nine.slice(2))}`)).toEqual({ ok: false, problem: 'invalid' })
  })
  it('refuses spaces and letters inside the number but forgives them around it', () => {
    expect(pnr('19090527 1474').ok).toBe(false)
    expect(pnr(' 19090527-1474 ').ok).toBe(true)
  })
  it('computes the birth date and age on a given day, samordningsnummer included', () => {
    expect(birthDateOf('197010632391')).toBe('1970-10-03')
    expect(ageOn('197010632391', '2035-10-02')).toBe(64)
    expect(ageOn('197010632391', '2035-10-03')).toBe(65)
    expect(ageOn('200002292399', '2065-02-28')).toBe(64)
    expect(ageOn('200002292399', '2065-03-01')).toBe(65)
  })
})

describe('organisationsnummer (docs/domain.md §6.3)', () => {
  it.each(orgnumbers)('shared list: $separated_format is a valid organisationsnummer', (x) => {
    expect(normaliseOrgnr(x.short_format)).toEqual({ ok: true, value: x.separated_format })
    expect(normaliseOrgnr(x.separated_format)).toEqual({ ok: true, value: x.separated_format })
  })
  it.each(['212000-0142', '212000-1355', '556036-0793', '5560360793', '16556036-0793', '165560360793'])('%s is valid', (input) => {
    expect(normaliseOrgnr(input).ok).toBe(true)
  })
  it.each(['556036-0794', '551036-0794', '55603607', 'abc'])('%s is not', (input) => {
    expect(normaliseOrgnr(input)).toEqual({ ok: false, problem: 'invalid' })
  })
  it('tells a personnummer (a sole trader) apart', () => {
    expect(normaliseOrgnr('19000612-9803')).toEqual({ ok: false, problem: 'personnummer' })
  })
})

describe('bankgiro and plusgiro (docs/domain.md §6.4)', () => {
  it.each([['160-9908', '1609908'], ['5050-1055', '50501055'], ['5050 1055', '50501055']])('bankgiro %s is valid', (input, digits) => {
    expect(normaliseGiro('bankgiro', input)).toBe(digits)
  })
  it.each(['5050-1056', '123-456', '1234-56789', '5050/1055'])('bankgiro %s is not', (input) => {
    expect(normaliseGiro('bankgiro', input)).toBeNull()
  })
  it('plusgiro 28 65 43-4 is valid and 28 65 43-5 is not', () => {
    expect(normaliseGiro('plusgiro', '28 65 43-4')).toBe('2865434')
    expect(normaliseGiro('plusgiro', '28 65 43-5')).toBeNull()
    expect(normaliseGiro('plusgiro', '18')).toBe('18')
    expect(normaliseGiro('plusgiro', '123456789')).toBeNull()
  })
  it('formats as written on giro forms', () => {
    expect(formatGiro('bankgiro', '1609908')).toBe('160-9908')
    expect(formatGiro('bankgiro', '50501055')).toBe('5050-1055')
    expect(formatGiro('plusgiro', '2865434')).toBe('28 65 43-4')
    expect(formatGiro('plusgiro', '18')).toBe('1-8')
    expect(formatGiro('plusgiro', '12345678')).toBe('1 23 45 67-8')
  })
})

describe('kronor', () => {
  it.each([['150', 150], ['1 200,50', 1200.5], ['150 kr', 150], ['150:-', 150], ['99 SEK', 99], [75, 75]])('%s → %s', (input, out) => {
    expect(parseKronor(input)).toBe(out)
  })
  it.each(['-5', '1,234', 'tio', '', -1])('%s is not an amount', (input) => {
    expect(parseKronor(input)).toBeUndefined()
  })
})
