/**
 * Luhn ("modulus 10, weights 2 and 1 from the right"): true when the digits, check digit last, sum to a
 * multiple of ten. Used for bankgiro and plusgiro (docs/domain.md §6.4); personnummer and organisationsnummer
 * are checked by their own libraries.
 */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i])
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

/** The check digit Luhn gives the digits (docs/domain.md §6.1's worked example: 811218987 → 6). */
export function luhnCheckDigit(digits: string): number {
  for (let c = 0; c <= 9; c++) if (luhnValid(`${digits}${c}`)) return c
  throw new Error(`not digits: ${digits}`)
}
