import type { Locale, Text } from './types.ts'

/** Picks the locale's text; Swedish is the fallback because it is the municipality's official language. */
export function t(text: Text, locale: Locale): string {
  return text[locale] || text.sv
}

/** Fills `{name}` placeholders; unknown names are left as they are so a typo shows instead of vanishing. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole))
}
