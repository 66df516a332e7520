import { kitText } from './catalog.ts'
import { fill, t } from './text.ts'
import type { FieldDef, Locale, Text } from './types.ts'

/**
 * The message for a broken rule: the definition's own wording when it has one (specific to the question,
 * as GOV.UK asks), else the kind's default, a whole sentence that does not paste the label in ("Fyll i
 * kassör: namn" reads badly). Never zod's generic text.
 */
export function message(
  field: FieldDef,
  rule: string,
  locale: Locale,
  fallback: Text,
  vars: Record<string, string | number> = {},
): string {
  // The definition's own wording, or else the kit's, each in the page's language as far as it is translated.
  const own = field.errors?.[rule]
  const text = own ? fill(t(own, locale), vars) : kitText(locale, `${field.kind}.${rule}`, fallback, vars)
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1)
}

/** Only the defaults for the rules that apply: `when` false drops a rule (no minLength, no tooShort). */
export const pick = (all: Record<string, Text>, applies: Record<string, boolean | undefined>): Record<string, Text> =>
  Object.fromEntries(Object.entries(all).filter(([rule]) => applies[rule] !== false))

/** A kind's messages for one field in one language: `m(rule, vars)`, the definition's wording else the table's. */
export const messagesOf = <R extends string>(field: FieldDef, locale: Locale, table: Record<R, Text>) =>
  (rule: R, vars?: Record<string, string | number>) => message(field, rule, locale, table[rule], vars)

/** A kind's `requiredMessage`: its table's `required`, unless the definition words it for the question. */
export const requiredFrom = (table: { required: Text }) => (field: FieldDef, locale: Locale) =>
  message(field, 'required', locale, table.required)
