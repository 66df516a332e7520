import type { FieldDef } from '../types.ts'

/**
 * Kinds whose code the browser fetches only for a page that asks them (ADR 053): some bring a library (the
 * telephone numbering plan, the personnummer and organisationsnummer checks) or a large input (files, giro, the
 * map), and every page uses only a few kinds. Text and choices, which nearly every page asks, come with the
 * page. The server and the tests always have every kind.
 */
export const EXTRA_KIND_NAMES = ['phone', 'personnummer', 'orgnr', 'giro', 'file', 'mappoint', 'address', 'date', 'number', 'money'] as const
export type ExtraKindName = (typeof EXTRA_KIND_NAMES)[number]

export const isExtraKind = (name: string): name is ExtraKindName => (EXTRA_KIND_NAMES as readonly string[]).includes(name)

/** The kinds a list of questions asks, a group's questions included: what a page must have before it is drawn. */
export function kindsAsked(fields: readonly FieldDef[]): string[] {
  const kinds = new Set<string>()
  for (const f of fields) {
    kinds.add(f.kind)
    if (f.kind === 'group') for (const sub of f.fields) kinds.add(sub.kind)
  }
  return [...kinds].sort()
}
