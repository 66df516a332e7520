import { parsePhoneNumberFromString } from 'libphonenumber-js/core'
import fullPlan from 'libphonenumber-js/min/metadata'
import * as z from 'zod/mini'
import { message, requiredFrom } from '../messages.ts'
import type { PhoneField } from '../types.ts'
import { blank, convert, oneInput, preprocess, refuse, str, type Kind } from './kind.ts'
import { judges, type PhonePlan } from './phone-plan.ts'

/**
 * The telephone checks on one numbering plan. The server's is every country's; the browser's (ADR 054) is the
 * Nordic countries' only, and there a number with another calling code is left to the server, which judges it
 * on the full plan: the browser only lets it through if it has the digits an international number can have.
 */
export function phoneNumbers(plan: PhonePlan) {
  /**
   * Swedish numbers are written with a trunk 0 that must go after +46 ("+46 070…" is a common slip);
   * libphonenumber knows the numbering plans, so lengths and mobile ranges are its business.
   */
  function toE164(input: string): string | null {
    const cleaned = input.trim().replace(/^00/, '+').replace(/^\+46[\s-]*0/, '+46')
    if (!judges(plan, cleaned)) {
      const international = cleaned.replace(/[\s\-()]/g, '')
      return /^\+\d{7,15}$/.test(international) ? international : null
    }
    const parsed = parsePhoneNumberFromString(cleaned, 'SE', plan)
    return parsed && parsed.isValid() ? parsed.number : null
  }

  function formatPhone(e164: string): string {
    const parsed = judges(plan, e164) ? parsePhoneNumberFromString(e164, plan) : undefined
    if (!parsed) return e164
    return parsed.country === 'SE' ? parsed.formatNational() : parsed.formatInternational()
  }

  return { toE164, formatPhone }
}

// In the browser's build the full plan is replaced by the partial one (vite.config.ts, ADR 054).
export const { toE164, formatPhone } = phoneNumbers(fullPlan)

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
