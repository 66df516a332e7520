import type { FieldDef, FieldKind } from '../types.ts'
import { address } from './address.ts'
import { checkbox, choice, multichoice } from './choice.ts'
import { date } from './date.ts'
import { file } from './file.ts'
import type { Kind } from './kind.ts'
import { mappoint } from './mappoint.ts'
import { number } from './number.ts'
import { phone } from './phone.ts'
import { email, text, textarea } from './text.ts'

const KINDS: { [K in FieldKind]: Kind<Extract<FieldDef, { kind: K }>> } = {
  text, textarea, choice, multichoice, checkbox, email, phone, date, number, address, mappoint, file,
}

/** The kind of a field; an unknown kind is a broken definition and must fail loudly, not render nothing. */
export function kindOf(field: FieldDef): Kind {
  const kind = (KINDS as Record<string, Kind | undefined>)[field.kind]
  if (!kind) throw new Error(`Unknown field kind "${String(field.kind)}" for field "${field.id}"`)
  return kind
}

export const KNOWN_KINDS = Object.keys(KINDS) as FieldKind[]
