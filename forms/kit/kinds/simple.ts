import { extraKinds } from '#kit-extra-kinds'
import type { FieldDef, GroupField } from '../types.ts'
import { checkbox, choice, multichoice } from './choice.ts'
import { EXTRA_KIND_NAMES, isExtraKind, type ExtraKindName } from './extra-names.ts'
import type { Kind } from './kind.ts'
import { email, text, textarea } from './text.ts'

/** Every field but a group: a field with one answer. Kept apart so the group kind can use them without a cycle. */
export type SimpleField = Exclude<FieldDef, GroupField>
type SimpleKind = SimpleField['kind']
type KindsOf<K extends SimpleKind> = { [P in K]: Kind<Extract<SimpleField, { kind: P }>> }
export type ExtraKinds = KindsOf<ExtraKindName>

/** The kinds every form page has in the browser; the others come on demand (`extra-names.ts`). */
const BASE: KindsOf<Exclude<SimpleKind, ExtraKindName>> = {
  text, textarea, choice, multichoice, checkbox, email,
}

export function simpleKindOf(field: SimpleField): Kind {
  const name = field.kind as string
  const kind = (BASE as Record<string, Kind | undefined>)[name] ?? (extraKinds() as Record<string, Kind | undefined>)[name]
  if (kind) return kind
  if (isExtraKind(name))
    throw new Error(`The field kind "${name}" (field "${field.id}") is used before it is loaded: the page must name it in data-field-kinds`)
  throw new Error(`Unknown field kind "${name}" for field "${field.id}"`)
}

export const SIMPLE_KINDS = [...Object.keys(BASE), ...EXTRA_KIND_NAMES] as SimpleKind[]
