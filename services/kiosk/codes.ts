import { randomInt } from 'node:crypto'

/**
 * Enrolment codes are typed by hand on a kiosk's touch keyboard: no letters that look like digits
 * (I, O) or digits that look like letters (0, 1), upper case only, read out in two groups of four.
 */
export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
export const CODE_LENGTH = 8

export function newEnrolmentCode(): string {
  let code = ''
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]
  return `${code.slice(0, 4)}-${code.slice(4)}`
}

/**
 * What the admin read out, as typed on the kiosk: case, spaces and dashes do not matter. Undefined when
 * it cannot be a code at all, so a typo gets its message without a database lookup.
 */
export function normaliseEnrolmentCode(input: string): string | undefined {
  const code = input.toUpperCase().replace(/[\s-]/g, '')
  if (code.length !== CODE_LENGTH || [...code].some((c) => !CODE_ALPHABET.includes(c))) return undefined
  return code
}
