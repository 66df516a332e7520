import type { FieldDef, FieldKind } from '../types.ts'
import { group } from './group.ts'
import type { Kind } from './kind.ts'
import { SIMPLE_KINDS, simpleKindOf } from './simple.ts'

/** The kind of a field; an unknown kind is a broken definition and must fail loudly, not render nothing. */
export function kindOf(field: FieldDef): Kind {
  return field.kind === 'group' ? (group as Kind) : simpleKindOf(field)
}

export const KNOWN_KINDS: FieldKind[] = [...SIMPLE_KINDS, 'group']
