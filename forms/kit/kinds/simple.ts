import type { FieldDef, GroupField } from '../types.ts'
import { address } from './address.ts'
import { checkbox, choice, multichoice } from './choice.ts'
import { date } from './date.ts'
import { file } from './file.ts'
import { giro } from './giro.ts'
import type { Kind } from './kind.ts'
import { mappoint } from './mappoint.ts'
import { money } from './money.ts'
import { number } from './number.ts'
import { orgnr } from './orgnr.ts'
import { personnummer } from './personnummer.ts'
import { phone } from './phone.ts'
import { email, text, textarea } from './text.ts'

/** Every field but a group: a field with one answer. Kept apart so the group kind can use them without a cycle. */
export type SimpleField = Exclude<FieldDef, GroupField>
type SimpleKind = SimpleField['kind']

const KINDS: { [K in SimpleKind]: Kind<Extract<SimpleField, { kind: K }>> } = {
  text, textarea, choice, multichoice, checkbox, email, phone, date, number, address, mappoint, file,
  personnummer, orgnr, giro, money,
}

export function simpleKindOf(field: SimpleField): Kind {
  const kind = (KINDS as Record<string, Kind | undefined>)[field.kind]
  if (!kind) throw new Error(`Unknown field kind "${String(field.kind)}" for field "${field.id}"`)
  return kind
}

export const SIMPLE_KINDS = Object.keys(KINDS) as SimpleKind[]
