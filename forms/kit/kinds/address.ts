import * as z from 'zod/mini'
import { UNREADABLE } from '../fallback-message.ts'
import { messagesOf, requiredFrom } from '../messages.ts'
import type { AddressField } from '../types.ts'
import { blank, convert, part, preprocess, refuse, type Kind } from './kind.ts'

/** Postnummer: five digits written "NNN NN" (PTS); whether it exists needs PostNord's licensed register. */
export function normalisePostcode(v: string): string | null {
  const m = /^([1-9]\d{2}) ?(\d{2})$/.exec(v.replace(/\s+/g, ' ').trim())
  return m ? `${m[1]} ${m[2]}` : null
}

const ADDRESS = {
  required: { sv: 'Adressen saknas. Fyll i gatuadress, postnummer och ort', en: 'The address is missing. Enter the street address, postcode and town' },
  streetRequired: { sv: 'Fyll i gatuadress', en: 'Enter the street address' },
  streetTooLong: { sv: 'Gatuadressen får ha högst 200 tecken', en: 'The street address must be 200 characters or fewer' },
  postcodeRequired: { sv: 'Fyll i postnummer', en: 'Enter the postcode' },
  postcodeInvalid: { sv: 'Postnumret ska ha fem siffror, till exempel 135 81', en: 'The postcode must have five digits, like 135 81' },
  cityRequired: { sv: 'Fyll i ort', en: 'Enter the town' },
  cityTooLong: { sv: 'Orten får ha högst 100 tecken', en: 'The town must be 100 characters or fewer' },
  invalid: UNREADABLE,
}

export const address: Kind<AddressField> = {
  schema: (field, ctx) => {
    const m = messagesOf(field, ctx.locale, ADDRESS)
    return preprocess(
      (raw) => ({ street: part(raw, 'street'), postcode: part(raw, 'postcode'), city: part(raw, 'city') }),
      z.object({
        street: z.string().check(z.minLength(1, m('streetRequired')), z.maxLength(200, m('streetTooLong'))),
        postcode: z.pipe(z.string(), convert((v: string, zctx) => {
          return normalisePostcode(v) ?? refuse(zctx, v ? m('postcodeInvalid') : m('postcodeRequired'))
        })),
        city: z.string().check(z.minLength(1, m('cityRequired')), z.maxLength(100, m('cityTooLong'))),
      }),
    )
  },
  isEmpty: (raw) => ['street', 'postcode', 'city'].every((k) => part(raw, k) === ''),
  format: (v) => [part(v, 'street'), [part(v, 'postcode'), part(v, 'city')].filter(Boolean).join(' ')].filter(Boolean).join(', '),
  inputNames: (f) => [`${f.id}.street`, `${f.id}.postcode`, `${f.id}.city`],
  requiredMessage: requiredFrom(ADDRESS),
  messages: () => ADDRESS,
}

export { blank }
