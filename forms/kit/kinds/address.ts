import { z } from 'zod'
import { message } from '../messages.ts'
import type { AddressField } from '../types.ts'
import { blank, str, type Kind } from './kind.ts'

const part = (raw: unknown, key: string) =>
  raw && typeof raw === 'object' ? str((raw as Record<string, unknown>)[key]).trim() : ''

/** Postnummer: five digits written "NNN NN" (PTS); whether it exists needs PostNord's licensed register. */
export function normalisePostcode(v: string): string | null {
  const m = /^([1-9]\d{2}) ?(\d{2})$/.exec(v.replace(/\s+/g, ' ').trim())
  return m ? `${m[1]} ${m[2]}` : null
}

export const address: Kind<AddressField> = {
  schema: (field, ctx) => {
    const m = (rule: string, sv: string, en: string) => message(field, rule, ctx.locale, { sv, en })
    return z.preprocess(
      (raw) => ({ street: part(raw, 'street'), postcode: part(raw, 'postcode'), city: part(raw, 'city') }),
      z.object({
        street: z.string().min(1, m('streetRequired', 'Fyll i gatuadress', 'Enter the street address'))
          .max(200, m('streetTooLong', 'Gatuadressen får ha högst 200 tecken', 'The street address must be 200 characters or fewer')),
        postcode: z.string().transform((v, zctx) => {
          const pc = normalisePostcode(v)
          if (pc) return pc
          zctx.addIssue({ code: 'custom', message: v
            ? m('postcodeInvalid', 'Postnumret ska ha fem siffror, till exempel 135 81', 'The postcode must have five digits, like 135 81')
            : m('postcodeRequired', 'Fyll i postnummer', 'Enter the postcode') })
          return z.NEVER
        }),
        city: z.string().min(1, m('cityRequired', 'Fyll i ort', 'Enter the town'))
          .max(100, m('cityTooLong', 'Orten får ha högst 100 tecken', 'The town must be 100 characters or fewer')),
      }),
    )
  },
  isEmpty: (raw) => ['street', 'postcode', 'city'].every((k) => part(raw, k) === ''),
  format: (v) => [part(v, 'street'), [part(v, 'postcode'), part(v, 'city')].filter(Boolean).join(' ')].filter(Boolean).join(', '),
  inputNames: (f) => [`${f.id}.street`, `${f.id}.postcode`, `${f.id}.city`],
  requiredMessage: (f, locale) => message(f, 'required', locale, { sv: 'Fyll i adressen', en: 'Enter the address' }),
}

export { blank }
