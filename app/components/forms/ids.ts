import { kindOf, type FieldDef } from '../../../forms/kit/index.ts'

/** The DOM id of an input, from its form name ("place.street" → "f-place-street"). */
export const inputId = (name: string) => `f-${name.replace(/\./g, '-')}`

/** Where an error summary entry for `key` (a field id or an input name) should take the user. */
export function anchorFor(field: FieldDef, key: string): string {
  if (key !== field.id) return inputId(key)
  const first = kindOf(field).inputNames(field)[0] ?? field.id
  return inputId(first)
}
