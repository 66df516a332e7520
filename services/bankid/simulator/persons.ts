import Personnummer from 'personnummer'

export interface TestPerson {
  /** 12 digits. */
  personalNumber: string
  givenName: string
  surname: string
}

/**
 * People the simulator can act as. The two "Testsson" numbers use birth numbers in the 98x/99x range of
 * Skatteverket's test series and were chosen for the ages the e-services need (70: trygghetslarm 65+,
 * 40: under 65); their ages grow with time, so code and tests ask `ageOn()` instead of assuming them.
 */
export const TEST_PERSONS: readonly TestPerson[] = [
  { personalNumber: '195603149989', givenName: 'Margareta', surname: 'Testsson' },
  { personalNumber: '198606129933', givenName: 'Johan', surname: 'Testsson' },
  // Valid numbers from the public personnummer test series, as the unit tests use.
  { personalNumber: '194608239986', givenName: 'Ingrid', surname: 'Provsson' },
  { personalNumber: '200004059937', givenName: 'Elias', surname: 'Provsson' },
  // Check digits by Luhn over the series' 98x/99x birth numbers: the contact-person e2e tests (one with
  // JavaScript, one without) each need a person whose trygghetslarm draft no other test shares.
  { personalNumber: '194203179983', givenName: 'Signe', surname: 'Provsson' },
  { personalNumber: '194107219976', givenName: 'Sixten', surname: 'Provsson' },
  // The receipt e2e test's applicant, whose case no test that counts its own cases sees.
  { personalNumber: '194405289978', givenName: 'Stina', surname: 'Provsson' },
  // Skatteverket's classic test person.
  { personalNumber: '191212121212', givenName: 'Tolvan', surname: 'Tolvansson' },
]

/** Any usual format (YYMMDD-NNNC, YYYYMMDDNNNC, with or without separator) → 12 digits; null if invalid. */
export function normalisePersonnummer(input: string): string | null {
  const trimmed = input.trim()
  if (!Personnummer.valid(trimmed, { allowCoordinationNumber: true, allowInterimNumber: false })) return null
  return Personnummer.parse(trimmed, { allowCoordinationNumber: true, allowInterimNumber: false }).format(true)
}

/** Completed years on the given date. Coordination numbers carry day + 60. */
export function ageOn(personalNumber: string, date: Date): number {
  const year = Number(personalNumber.slice(0, 4))
  const month = Number(personalNumber.slice(4, 6))
  const rawDay = Number(personalNumber.slice(6, 8))
  const day = rawDay > 60 ? rawDay - 60 : rawDay
  const hadBirthday =
    date.getUTCMonth() + 1 > month || (date.getUTCMonth() + 1 === month && date.getUTCDate() >= day)
  return date.getUTCFullYear() - year - (hadBirthday ? 0 : 1)
}

/**
 * The person to act as: a listed test person, or an unlisted valid number with a placeholder name
 * (lets a developer try any test number without editing this list).
 */
export function resolvePerson(personnummer: string): TestPerson {
  const normalised = normalisePersonnummer(personnummer)
  if (normalised === null) throw new Error(`Not a valid personnummer: ${personnummer}`)
  return TEST_PERSONS.find((p) => p.personalNumber === normalised) ?? { personalNumber: normalised, givenName: 'Test', surname: 'Testperson' }
}
