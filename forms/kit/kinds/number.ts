import * as z from 'zod/mini'
import { t } from '../text.ts'
import { messagesOf, pick, requiredFrom } from '../messages.ts'
import type { NumberField } from '../types.ts'
import { blank, checkRange, checkWith, oneInput, preprocess, refuse, str, type Kind } from './kind.ts'
import { intlLocale } from '../languages.ts'
import { numberFormat } from '../intl.ts'

/** Accepts Swedish decimal commas and spaces as thousands separators ("1 200,5"). */
function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return v
  const s = str(v).replace(/[\s\u00a0]/g, '').replace(',', '.').replace('\u2212', '-')
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : undefined
}

const NUMBER = {
  required: { sv: 'Svaret saknas. Skriv ett tal med siffror', en: 'The answer is missing. Enter a number in digits' },
  invalid: { sv: 'Svaret är inte ett tal. Skriv bara siffror, till exempel 12', en: 'The answer is not a number. Use digits only, like 12' },
  notInteger: { sv: 'Skriv ett helt tal, utan decimaler', en: 'Enter a whole number, without decimals' },
  tooSmall: { sv: 'Talet är för litet. Skriv {min} eller mer', en: 'The number is too small. Enter {min} or more' },
  tooLarge: { sv: 'Talet är för stort. Skriv högst {max}', en: 'The number is too large. Enter {max} or less' },
}

export const number: Kind<NumberField> = {
  schema: (field, ctx) => {
    const m = messagesOf(field, ctx.locale, NUMBER)
    return preprocess(toNumber, z.number({ error: m('invalid') }).check(checkWith<number>((n, zctx) => {
      if (field.integer && !Number.isInteger(n)) refuse(zctx, m('notInteger'))
      else checkRange(n, field, zctx, m, (bound) => bound)
    })))
  },
  isEmpty: (v) => typeof v !== 'number' && blank(v),
  format: (v, f, locale) => {
    const n = toNumber(v)
    if (n === undefined) return str(v)
    const s = numberFormat(intlLocale(locale), {}).format(n)
    return f.unit ? `${s} ${t(f.unit, locale)}` : s
  },
  inputNames: oneInput,
  requiredMessage: requiredFrom(NUMBER),
  messages: (f) => pick(NUMBER, { notInteger: !!f.integer, tooSmall: f.min !== undefined, tooLarge: f.max !== undefined }),
}
