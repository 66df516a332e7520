import * as z from 'zod/mini'
import { luhnValid } from '../luhn.ts'
import { UNREADABLE } from '../fallback-message.ts'
import { messagesOf, pick, requiredFrom } from '../messages.ts'
import type { GiroField, GiroType, Locale, Text } from '../types.ts'
import { convert, part, preprocess, refuse, type Kind } from './kind.ts'
import { t } from '../text.ts'

const ALL: GiroType[] = ['bankgiro', 'plusgiro']
/** Lengths from docs/domain.md §6.4: bankgiro 7–8 digits, plusgiro 2–8; both end in a Luhn digit. */
const LENGTHS: Record<GiroType, [number, number]> = { bankgiro: [7, 8], plusgiro: [2, 8] }
const NAMES: Record<GiroType, Text> = {
  bankgiro: { sv: 'Bankgiro', en: 'Bankgiro' },
  plusgiro: { sv: 'Plusgiro', en: 'Plusgiro' },
}

/**
 * The digits of a bankgiro or plusgiro number as written ("5050-1055", "28 65 43-4"), or null when the
 * length or Luhn digit is wrong. The kontonummer library covers bank accounts only, not giro numbers.
 */
export function normaliseGiro(type: GiroType, input: string): string | null {
  if (!/^[\d\s-]+$/.test(input)) return null
  const digits = input.replace(/[\s-]/g, '')
  const [min, max] = LENGTHS[type]
  return digits.length >= min && digits.length <= max && luhnValid(digits) ? digits : null
}

/** Bankgiro NNN-NNNN / NNNN-NNNN; plusgiro in pairs from the right with the check digit apart (NN NN NN-N). */
export function formatGiro(type: GiroType, digits: string): string {
  if (type === 'bankgiro') return `${digits.slice(0, -4)}-${digits.slice(-4)}`
  const body = digits.slice(0, -1)
  const pairs: string[] = []
  for (let end = body.length; end > 0; end -= 2) pairs.unshift(body.slice(Math.max(0, end - 2), end))
  return `${pairs.join(' ')}-${digits.slice(-1)}`
}

const GIRO = {
  required: { sv: 'Kontonumret saknas. Välj bankgiro eller plusgiro och fyll i numret', en: 'The account number is missing. Select bankgiro or plusgiro and enter the number' },
  typeRequired: { sv: 'Välj om kontot är ett bankgiro eller ett plusgiro', en: 'Select whether the account is a bankgiro or a plusgiro' },
  numberRequired: { sv: 'Numret saknas. Fyll i numret', en: 'The number is missing. Enter the number' },
  invalidBankgiro: { sv: 'Bankgironumret stämmer inte. Det har 7 eller 8 siffror, till exempel 5050-1055', en: 'The bankgiro number is not correct. It has 7 or 8 digits, like 5050-1055' },
  invalidPlusgiro: { sv: 'Plusgironumret stämmer inte. Det har 2 till 8 siffror, till exempel 28 65 43-4', en: 'The plusgiro number is not correct. It has 2 to 8 digits, like 28 65 43-4' },
  invalid: UNREADABLE,
}

export const giro: Kind<GiroField> = {
  schema: (field, ctx) => {
    const types = field.types ?? ALL
    const m = messagesOf(field, ctx.locale, GIRO)
    return preprocess(
      (raw) => ({ type: part(raw, 'type'), number: part(raw, 'number') }),
      z.pipe(z.object({ type: z.string(), number: z.string() }), convert((v: { type: string; number: string }, zctx) => {
        const type = types.find((t) => t === v.type)
        if (!type) return refuse(zctx, m('typeRequired'), ['type'])
        if (!v.number) return refuse(zctx, m('numberRequired'), ['number'])
        const digits = normaliseGiro(type, v.number)
        if (!digits) return refuse(zctx, type === 'bankgiro' ? m('invalidBankgiro') : m('invalidPlusgiro'), ['number'])
        return { type, number: digits }
      })),
    )
  },
  isEmpty: (raw) => part(raw, 'type') === '' && part(raw, 'number') === '',
  format: (v, _f, locale) => {
    const type = part(v, 'type') as GiroType
    const digits = part(v, 'number')
    return ALL.includes(type) && /^\d+$/.test(digits) ? `${t(NAMES[type], locale)} ${formatGiro(type, digits)}` : digits
  },
  inputNames: (f) => [`${f.id}.type`, `${f.id}.number`],
  requiredMessage: requiredFrom(GIRO),
  messages: (f) => pick(GIRO, { invalidBankgiro: giroTypes(f).includes('bankgiro'), invalidPlusgiro: giroTypes(f).includes('plusgiro') }),
}

export const giroTypes = (field: GiroField): GiroType[] => field.types ?? ALL
export const giroName = (type: GiroType, locale: Locale) => t(NAMES[type], locale)
