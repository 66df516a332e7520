import { z } from 'zod'
import { t } from '../text.ts'
import { message } from '../messages.ts'
import type { NumberField } from '../types.ts'
import { blank, str, type Kind } from './kind.ts'

/** Accepts Swedish decimal commas and spaces as thousands separators ("1 200,5"). */
function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return v
  const s = str(v).replace(/[\s\u00a0]/g, '').replace(',', '.').replace('\u2212', '-')
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : undefined
}

export const number: Kind<NumberField> = {
  schema: (field, ctx) =>
    z.preprocess(toNumber, z.number({
      error: message(field, 'invalid', ctx.locale, { sv: '{label} måste vara en siffra', en: '{label} must be a number' }),
    }).superRefine((n, zctx) => {
      const add = (rule: string, fallback: { sv: string; en: string }, vars = {}) =>
        zctx.addIssue({ code: 'custom', message: message(field, rule, ctx.locale, fallback, vars) })
      if (field.integer && !Number.isInteger(n))
        add('notInteger', { sv: '{label} måste vara ett heltal', en: '{label} must be a whole number' })
      else if (field.min !== undefined && n < field.min)
        add('tooSmall', { sv: '{label} måste vara minst {min}', en: '{label} must be {min} or more' }, { min: field.min })
      else if (field.max !== undefined && n > field.max)
        add('tooLarge', { sv: '{label} får vara högst {max}', en: '{label} must be {max} or less' }, { max: field.max })
    })),
  isEmpty: (v) => typeof v !== 'number' && blank(v),
  format: (v, f, locale) => {
    const n = toNumber(v)
    if (n === undefined) return str(v)
    const s = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'sv-SE').format(n)
    return f.unit ? `${s} ${t(f.unit, locale)}` : s
  },
  inputNames: (f) => [f.id],
  requiredMessage: (f, locale) => message(f, 'required', locale, { sv: 'Fyll i {label}', en: 'Enter {label}' }),
}
