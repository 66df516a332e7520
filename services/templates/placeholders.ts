/**
 * The placeholders a standard reply may hold, filled from the case on the case page. Swedish names, as the team
 * leads who write the templates read them; `{namn}` is the applicant's name as the case records it.
 */
export const PLACEHOLDERS = [
  { key: 'namn', label: 'medborgarens namn' },
  { key: 'ärendenummer', label: 'ärendets nummer' },
  { key: 'inkom', label: 'dagen ärendet kom in' },
  { key: 'frist', label: 'ärendets tidsfrist' },
  { key: 'idag', label: 'dagens datum' },
] as const

export type PlaceholderKey = (typeof PLACEHOLDERS)[number]['key']
export type PlaceholderValues = Partial<Record<PlaceholderKey, string>>

const PATTERN = /\{([^{}\s]{1,40})\}/gu
const KNOWN: ReadonlySet<string> = new Set(PLACEHOLDERS.map((p) => p.key))

/** The `{…}` names in a template that are not placeholders (a typo such as `{nam}`), each once, in order. */
export function unknownPlaceholders(body: string): string[] {
  return [...new Set([...body.matchAll(PATTERN)].map((m) => m[1]!).filter((k) => !KNOWN.has(k)))]
}

/**
 * The template with its placeholders replaced by the case's values. A value the case lacks (an anonymous
 * caller's name) leaves nothing behind, and the space it leaves before punctuation or beside another space
 * goes too: "Hej {namn}!" becomes "Hej!" rather than "Hej !". Unknown names stay as typed, for staff to see.
 */
export function fillTemplate(body: string, values: PlaceholderValues): string {
  return body
    .replace(PATTERN, (whole, key: string) => (KNOWN.has(key) ? (values[key as PlaceholderKey] ?? '').trim() : whole))
    .replace(/[ \t]+([,.!?;:])/g, '$1')
    .replace(/[ \t]{2,}/g, ' ')
}
