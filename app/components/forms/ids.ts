import { kindOf, type FieldDef } from '#forms/kit/index.ts'
import { inputId } from './input-id.ts'


/**
 * Where an error summary entry for `key` (a field id or an input name) should take the user: the first
 * input of the field the key names. In a group, "contacts.1.address" names an item's field, whose first
 * input is "contacts.1.address.street"; a group's own message goes to the first row.
 */
export function anchorFor(field: FieldDef, key: string): string {
  if (key === field.id) return inputId(kindOf(field).inputNames(field)[0] ?? field.id)
  if (field.kind === 'group') {
    const m = new RegExp(`^${field.id}\\.(\\d+)\\.([^.]+)$`).exec(key)
    const sub = m && field.fields.find((f) => f.id === m[2])
    if (m && sub) return inputId(`${field.id}.${m[1]}.${kindOf(sub).inputNames(sub)[0] ?? sub.id}`)
  }
  return inputId(key)
}
