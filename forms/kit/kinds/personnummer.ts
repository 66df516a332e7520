import Personnummer from 'personnummer'
import * as z from 'zod/mini'
import { messagesOf, pick, requiredFrom } from '../messages.ts'
import type { PersonnummerField } from '../types.ts'
import { blank, convert, oneInput, preprocess, refuse, str, type Kind } from './kind.ts'
import { PERSONNUMMER_EXAMPLE } from '../examples.ts'
export { PERSONNUMMER_EXAMPLE }

export type PnrResult =
  | { ok: true; value: string; samordningsnummer: boolean }
  | { ok: false; problem: 'format' | 'invalid' | 'samordningsnummer' }

const INPUT = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{4})$/
const pad = (n: number) => String(n).padStart(2, '0')

/** The real birth date (YYYY-MM-DD) of a 12-digit number; a samordningsnummer's day is stored + 60. */
export function birthDateOf(pnr12: string): string {
  const day = Number(pnr12.slice(6, 8))
  return `${pnr12.slice(0, 4)}-${pnr12.slice(4, 6)}-${pad(day > 60 ? day - 60 : day)}`
}

/** Whole years from the birth date to `today` (ISO dates). */
export function ageOn(pnr12: string, today: string): number {
  const born = birthDateOf(pnr12)
  const years = Number(today.slice(0, 4)) - Number(born.slice(0, 4))
  return today.slice(5) < born.slice(5) ? years - 1 : years
}

/**
 * A 10-digit number's century, as Skatteverket reads it (docs/domain.md §6.2): with "+" the person turns 100 or
 * more this calendar year; otherwise the latest century that does not put the birth date after today.
 * Decided from `today` rather than the clock so that tests and stored answers give the same result.
 */
function withCentury(yy: string, mmdd: string, plus: boolean, today: string): string {
  const thisYear = Number(today.slice(0, 4))
  const latest = (limit: number) => limit - ((((limit - Number(yy)) % 100) + 100) % 100)
  if (plus) return String(latest(thisYear - 100))
  const year = latest(thisYear)
  const day = Number(mmdd.slice(2))
  const born = `${year}-${mmdd.slice(0, 2)}-${pad(day > 60 ? day - 60 : day)}`
  return String(born > today ? year - 100 : year)
}

/**
 * Reads a personnummer as citizens write it (YYMMDD-NNNC, YYMMDD+NNNC, YYMMDDNNNC, YYYYMMDD-NNNC,
 * YYYYMMDDNNNC; the shared test list also writes YYYYMMDD+NNNC) and returns it as 12 digits. The `personnummer` library checks the date and the Luhn
 * digit; the century rule and the allowed centuries (18, 19, 20) are ours.
 */
export function normalisePersonnummer(input: string, today: string, opts: { allowSamordningsnummer?: boolean } = {}): PnrResult {
  const m = INPUT.exec(input.trim())
  if (!m) return { ok: false, problem: 'format' }
  const [, cc, yy = '', mm = '', dd = '', sep, last = ''] = m
  const year = cc ? `${cc}${yy}` : withCentury(yy, `${mm}${dd}`, sep === '+', today)
  if (!['18', '19', '20'].includes(year.slice(0, 2))) return { ok: false, problem: 'invalid' }
  const twelve = `${year}${mm}${dd}${last}`
  if (!Personnummer.valid(twelve, { allowCoordinationNumber: true, allowInterimNumber: false })) return { ok: false, problem: 'invalid' }
  const samordningsnummer = Number(dd) > 60
  if (samordningsnummer && !opts.allowSamordningsnummer) return { ok: false, problem: 'samordningsnummer' }
  if (birthDateOf(twelve) > today) return { ok: false, problem: 'invalid' }
  return { ok: true, value: twelve, samordningsnummer }
}

/** YYYYMMDD-NNNC: the long form Skatteverket prints, unambiguous about the century. */
export const formatPersonnummer = (pnr12: string) => (/^\d{12}$/.test(pnr12) ? `${pnr12.slice(0, 8)}-${pnr12.slice(8)}` : pnr12)

/** A made-up number that passes every check (Luhn and date), for hints and messages: never a real person's. */

const PNR = {
  required: { sv: 'Personnumret saknas. Fyll i ett personnummer', en: 'The personal identity number is missing. Enter one' },
  format: { sv: `Skriv personnumret med 10 eller 12 siffror, till exempel ${PERSONNUMMER_EXAMPLE}`, en: `Enter the personal identity number with 10 or 12 digits, like ${PERSONNUMMER_EXAMPLE}` },
  invalid: { sv: 'Det finns inget sådant personnummer. Kontrollera siffrorna', en: 'There is no such personal identity number. Check the digits' },
  samordningsnummer: { sv: 'Skriv ett personnummer. Samordningsnummer går inte att använda här', en: 'Enter a personal identity number. A coordination number cannot be used here' },
}

export const personnummer: Kind<PersonnummerField> = {
  schema: (field, ctx) =>
    preprocess(str, z.pipe(z.string(), convert((v: string, zctx) => {
      const r = normalisePersonnummer(v, ctx.today, field)
      return r.ok ? r.value : refuse(zctx, messagesOf(field, ctx.locale, PNR)(r.problem))
    }))),
  isEmpty: blank,
  format: (v) => formatPersonnummer(str(v)),
  inputNames: oneInput,
  requiredMessage: requiredFrom(PNR),
  messages: (f) => pick(PNR, { samordningsnummer: !f.allowSamordningsnummer }),
}
