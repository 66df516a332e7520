import { z } from 'zod'
import { toBool } from '../conditions.ts'
import { message } from '../messages.ts'
import { t } from '../text.ts'
import type { CheckboxField, ChoiceField, Locale, MultiChoiceField, Option } from '../types.ts'
import { str, type Kind } from './kind.ts'

const labelOf = (options: Option[], value: string, locale: Locale) => {
  const o = options.find((x) => x.value === value)
  return o ? t(o.label, locale) : value
}

export const choice: Kind<ChoiceField> = {
  schema: (field, ctx) =>
    z.preprocess(str, z.enum(field.options.map((o) => o.value) as [string, ...string[]], {
      error: message(field, 'invalid', ctx.locale, { sv: 'Välj ett av alternativen', en: 'Select one of the options' }),
    })),
  isEmpty: (v) => str(v) === '',
  format: (v, f, locale) => labelOf(f.options, str(v), locale),
  inputNames: (f) => [f.id],
  requiredMessage: (f, locale) => message(f, 'required', locale, { sv: 'Välj {label}', en: 'Select {label}' }),
}

/** HTML posts a checkbox group as repeated names; react-hook-form gives an array or false. */
const toList = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' && v ? [v] : []

export const multichoice: Kind<MultiChoiceField> = {
  schema: (field, ctx) => {
    const values = field.options.map((o) => o.value)
    let s = z.array(z.string().refine((x) => values.includes(x),
      message(field, 'invalid', ctx.locale, { sv: 'Välj bland alternativen', en: 'Select from the options' })))
    if (field.max)
      s = s.max(field.max, message(field, 'tooMany', ctx.locale,
        { sv: 'Välj högst {max} alternativ', en: 'Select at most {max} options' }, { max: field.max }))
    return z.preprocess(toList, s)
  },
  isEmpty: (v) => toList(v).length === 0,
  format: (v, f, locale) => toList(v).map((x) => labelOf(f.options, x, locale)).join(', '),
  inputNames: (f) => [f.id],
  requiredMessage: (f, locale) =>
    message(f, 'required', locale, { sv: 'Välj minst ett alternativ', en: 'Select at least one option' }),
}

export const checkbox: Kind<CheckboxField> = {
  schema: () => z.preprocess(toBool, z.literal(true)),
  isEmpty: (v) => !toBool(v),
  format: (v, _f, locale) => (toBool(v) ? (locale === 'en' ? 'Yes' : 'Ja') : locale === 'en' ? 'No' : 'Nej'),
  inputNames: (f) => [f.id],
  requiredMessage: (f, locale) =>
    message(f, 'required', locale, { sv: 'Du måste kryssa i: {label}', en: 'You must tick: {label}' }),
}
