import { parsePhoneNumberFromString } from 'libphonenumber-js'
import * as z from 'zod/mini'
import { message, requiredFrom } from '../messages.ts'
import type { PhoneField } from '../types.ts'
import { blank, convert, oneInput, preprocess, refuse, str, type Kind } from './kind.ts'

/**
 * Swedish numbers are written with a trunk 0 that must go after +46 ("+46 070…" is a common slip);
 * libphonenumber knows the Swedish numbering plan, so lengths and mobile ranges are its business.
 */
export function toE164(input: string): string | null {
  const cleaned = input.trim().replace(/^00/, '+').replace(/^\+46[\s-]*0/, '+46')
  const parsed = parsePhoneNumberFromString(cleaned, 'SE')
  return parsed && parsed.isValid() ? parsed.number : null
}

export function formatPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164)
  if (!parsed) return e164
  return parsed.country === 'SE' ? parsed.formatNational() : parsed.formatInternational()
}

const PHONE = {
  required: { sv: 'Telefonnumret saknas. Fyll i ett telefonnummer', en: 'The telephone number is missing. Enter a telephone number' },
  invalid: { sv: 'Skriv ett telefonnummer som går att ringa, till exempel 070-123 45 67', en: 'Enter a telephone number that can be called, like 070-123 45 67' },
}

export const phone: Kind<PhoneField> = {
  schema: (field, ctx) => {
    const invalid = message(field, 'invalid', ctx.locale, PHONE.invalid)
    return preprocess(str, z.pipe(z.string(), convert((v: string, zctx) => toE164(v) ?? refuse(zctx, invalid))))
  },
  isEmpty: blank,
  format: (v) => formatPhone(str(v)),
  inputNames: oneInput,
  requiredMessage: requiredFrom(PHONE),
  messages: () => PHONE,
}
