import { fill, lowerFirst, t } from './text.ts'
import type { FieldDef, Locale, Text } from './types.ts'

/**
 * The message for a broken rule: the definition's own wording when it has one (specific to the question,
 * as GOV.UK asks), else the kind's default built from the label. Never zod's generic text.
 */
export function message(
  field: FieldDef,
  rule: string,
  locale: Locale,
  fallback: Text,
  vars: Record<string, string | number> = {},
): string {
  const own = field.errors?.[rule]
  const label = lowerFirst(t(field.label, locale))
  const text = fill(t(own ?? fallback, locale), { label, ...vars })
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1)
}
