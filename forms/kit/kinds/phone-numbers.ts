import { parsePhoneNumberFromString } from 'libphonenumber-js/core'
import fullPlan from 'libphonenumber-js/min/metadata'
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
