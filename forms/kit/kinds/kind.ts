import type { z } from 'zod'
import type { FieldDef, Locale, Text, ValidationContext } from '../types.ts'

/**
 * One entry per field kind: how an answer is validated (from a raw form value or a stored one, which must
 * both pass), shown, and judged empty. Every output (pages, check-your-answers, PDF, staff view) goes
 * through these, so a kind is formatted one way everywhere.
 */
export type Kind<F extends FieldDef = FieldDef> = {
  /** Validates a non-empty raw answer and returns the value to store. */
  schema(field: F, ctx: ValidationContext): z.ZodType
  /** Whether there is no answer; groups need the field to judge their items. */
  isEmpty(raw: unknown, field: F): boolean
  format(value: unknown, field: F, locale: Locale): string
  /** Names of the inputs the kind renders, for error anchors and for reading form posts. */
  inputNames(field: F): string[]
  /** The message when a required answer is missing. */
  requiredMessage(field: F, locale: Locale): string
  /**
   * The kit's default message for every rule this field can break, by rule name (the keys a definition's
   * `errors` may override). Whole sentences that never paste the field's label in; `{min}`-style
   * placeholders are filled when the rule is broken. The message test walks these for every field.
   */
  messages(field: F): Record<string, Text>
}

export const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '')
export const blank = (v: unknown): boolean => str(v).trim() === ''
