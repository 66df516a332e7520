import * as z from 'zod/mini'
import { toBool } from '../conditions.ts'
import { UNREADABLE } from '../fallback-message.ts'
import { message, pick, requiredFrom } from '../messages.ts'
import { t } from '../text.ts'
import type { CheckboxField, ChoiceField, Locale, MultiChoiceField, Option } from '../types.ts'
import { oneInput, preprocess, str, type Kind } from './kind.ts'
import { phrase } from '../phrases.ts'

const labelOf = (options: Option[], value: string, locale: Locale) => {
  const o = options.find((x) => x.value === value)
  if (!o) return value
  return o.native && o.native.lang !== locale ? `${t(o.label, locale)} (${o.native.text})` : t(o.label, locale)
}

const CHOICE = {
  required: { sv: 'Inget svar är valt. Välj ett av alternativen', en: 'No answer is selected. Select one of the options' },
  invalid: { sv: 'Svaret finns inte bland alternativen. Välj ett av dem', en: 'The answer is not one of the options. Select one of them' },
}
const MULTI = {
  required: { sv: 'Inget är valt. Välj minst ett alternativ', en: 'Nothing is selected. Select at least one option' },
  invalid: { sv: 'Ett svar finns inte bland alternativen. Välj bland dem som visas', en: 'An answer is not one of the options. Select from those shown' },
  tooMany: { sv: 'Du har valt för många. Välj högst {max} alternativ', en: 'You have selected too many. Select at most {max} options' },
}
const CHECKBOX = {
  required: { sv: 'Rutan är inte ikryssad. Kryssa i den för att gå vidare', en: 'The box is not ticked. Tick it to continue' },
  invalid: UNREADABLE,
}

export const choice: Kind<ChoiceField> = {
  schema: (field, ctx) =>
    preprocess(str, z.enum(field.options.map((o) => o.value) as [string, ...string[]], {
      error: message(field, 'invalid', ctx.locale, CHOICE.invalid),
    })),
  isEmpty: (v) => str(v) === '',
  format: (v, f, locale) => labelOf(f.options, str(v), locale),
  inputNames: oneInput,
  requiredMessage: requiredFrom(CHOICE),
  messages: () => CHOICE,
}

/** HTML posts a checkbox group as repeated names; react-hook-form gives an array or false. */
const toList = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' && v ? [v] : []

export const multichoice: Kind<MultiChoiceField> = {
  schema: (field, ctx) => {
    const values = field.options.map((o) => o.value)
    const item = z.string().check(z.refine((x) => values.includes(x), message(field, 'invalid', ctx.locale, MULTI.invalid)))
    const list = z.array(item)
    return preprocess(toList, field.max ? list.check(z.maxLength(field.max, message(field, 'tooMany', ctx.locale, MULTI.tooMany, { max: field.max }))) : list)
  },
  isEmpty: (v) => toList(v).length === 0,
  format: (v, f, locale) => toList(v).map((x) => labelOf(f.options, x, locale)).join(', '),
  inputNames: oneInput,
  requiredMessage: requiredFrom(MULTI),
  messages: (f) => pick(MULTI, { tooMany: !!f.max }),
}

export const checkbox: Kind<CheckboxField> = {
  schema: () => preprocess(toBool, z.literal(true)),
  isEmpty: (v) => !toBool(v),
  format: (v, _f, locale) => phrase(locale, toBool(v) ? 'yes' : 'no'),
  inputNames: oneInput,
  requiredMessage: requiredFrom(CHECKBOX),
  messages: () => CHECKBOX,
}
