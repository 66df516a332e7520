import * as z from 'zod/mini'
import { messagesOf, pick, requiredFrom } from '../messages.ts'
import type { MoneyField } from '../types.ts'
import { blank, checkRange, checkWith, oneInput, preprocess, str, type Kind } from './kind.ts'
import { formatKronor } from './kronor.ts'

/**
 * Kronor as people write them: "150", "1 200,50", "150 kr", "150:-", "150 SEK". Öre beyond two decimals
 * and negative amounts are not money anyone pays a municipality.
 */
export function parseKronor(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? v : undefined
  const s = str(v).toLowerCase().replace(/[\s\u00a0]/g, '').replace(/(kr|sek|:-)$/, '').replace(',', '.')
  return /^\d+(\.\d{1,2})?$/.test(s) ? Number(s) : undefined
}


const MONEY = {
  required: { sv: 'Beloppet saknas. Skriv ett belopp i kronor', en: 'The amount is missing. Enter an amount in kronor' },
  invalid: { sv: 'Skriv beloppet i kronor med siffror, till exempel 150 eller 1 200,50', en: 'Enter the amount in kronor in digits, like 150 or 1 200.50' },
  tooSmall: { sv: 'Beloppet är för litet. Skriv minst {min}', en: 'The amount is too small. Enter {min} or more' },
  tooLarge: { sv: 'Beloppet är för stort. Skriv högst {max}', en: 'The amount is too large. Enter {max} or less' },
}

export const money: Kind<MoneyField> = {
  schema: (field, ctx) => {
    const m = messagesOf(field, ctx.locale, MONEY)
    return preprocess(parseKronor, z.number({ error: m('invalid') }).check(checkWith<number>((n, zctx) =>
      checkRange(n, field, zctx, m, (bound) => formatKronor(bound, ctx.locale)))))
  },
  isEmpty: (v) => typeof v !== 'number' && blank(v),
  format: (v, _f, locale) => {
    const n = parseKronor(v)
    return n === undefined ? str(v) : formatKronor(n, locale)
  },
  inputNames: oneInput,
  requiredMessage: requiredFrom(MONEY),
  messages: (f) => pick(MONEY, { tooSmall: f.min !== undefined, tooLarge: f.max !== undefined }),
}
