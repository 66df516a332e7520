import * as z from 'zod/mini'
import { phoneCheck, phoneCheckReady } from '#phone-check'
import { message, requiredFrom } from '../messages.ts'
import type { PhoneField } from '../types.ts'
import { blank, convert, oneInput, preprocess, refuse, str, type Kind } from './kind.ts'

const PHONE = {
  required: { sv: 'Telefonnumret saknas. Fyll i ett telefonnummer', en: 'The telephone number is missing. Enter a telephone number' },
  invalid: { sv: 'Skriv ett telefonnummer som går att ringa, till exempel 070-123 45 67', en: 'Enter a telephone number that can be called, like 070-123 45 67' },
}

/**
 * The telephone check (`phone-numbers.ts`) is always here on the server. The browser fetches it when a number is
 * typed (ADR 055): `ready` is awaited before the browser checks a page with a number in it, and if it could not
 * be fetched the number is left to the server, as without JavaScript.
 */
export const phone: Kind<PhoneField> = {
  schema: (field, ctx) => {
    const invalid = message(field, 'invalid', ctx.locale, PHONE.invalid)
    return preprocess(str, z.pipe(z.string(), convert((v: string, zctx) => {
      const check = phoneCheck()
      return check ? (check.toE164(v) ?? refuse(zctx, invalid)) : v
    })))
  },
  isEmpty: blank,
  format: (v) => phoneCheck()?.formatPhone(str(v)) ?? str(v),
  inputNames: oneInput,
  requiredMessage: requiredFrom(PHONE),
  messages: () => PHONE,
  ready: phoneCheckReady,
}
