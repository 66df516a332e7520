import * as z from 'zod/mini'
import type { FieldDef, Locale, Text, ValidationContext } from '../types.ts'

/**
 * One entry per field kind: how an answer is validated (from a raw form value or a stored one, which must
 * both pass), shown, and judged empty. Every output (pages, check-your-answers, PDF, staff view) goes
 * through these, so a kind is formatted one way everywhere.
 */
export type Kind<F extends FieldDef = FieldDef> = {
  /** Validates a non-empty raw answer and returns the value to store. */
  schema(field: F, ctx: ValidationContext): z.ZodMiniType
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
  /**
   * What the kind fetches before it can judge an answer in the browser (the telephone check, ADR 055): awaited
   * before a page with such an answer is checked there, and started when its input is focused. On the server
   * the kind has everything.
   */
  ready?(): Promise<void>
}

export const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '')
export const blank = (v: unknown): boolean => str(v).trim() === ''

/** One trimmed part of an answer in parts (an address's street, a giro's number); '' when there is none. */
export const part = (raw: unknown, key: string): string =>
  raw && typeof raw === 'object' ? str((raw as Record<string, unknown>)[key]).trim() : ''

/** The input of a kind that renders one: named by the field's id. */
export const oneInput = (field: FieldDef): string[] => [field.id]

/**
 * Stops a transform at a broken rule: one issue with the rule's message (at `path` inside an answer in
 * parts), and no value.
 */
export function refuse(zctx: IssueSink, message: string, path?: (string | number)[]): typeof z.NEVER {
  zctx.addIssue({ message, ...(path ? { path } : {}) })
  return z.NEVER
}

/**
 * Where a check reports what is wrong. The kit uses zod's small functional build (`zod/mini`, ADR 049): the
 * browser loads the form's schemas, and zod's chained build cost every form page 17 kB of gzipped JavaScript.
 */
export type IssueSink = { addIssue(issue: { message: string; path?: (string | number)[] }): void }

/** `fn` applied to the raw answer before `schema` checks it (zod's `preprocess`, which the small build lacks). */
export const preprocess = <T extends z.ZodMiniType>(fn: (raw: unknown) => unknown, schema: T) => z.pipe(z.transform(fn), schema)

/** A step that turns a checked value into the one to store, or refuses it through `zctx`. */
export function convert<I, O>(fn: (value: I, zctx: IssueSink) => O) {
  return z.transform((value: I, payload) =>
    fn(value, { addIssue: (issue) => void payload.issues.push({ code: 'custom', input: value, ...issue }) }))
}

/** A check of a value that passed its schema, reporting through `zctx` (zod's `superRefine`). */
export const checkWith = <T>(fn: (value: T, zctx: IssueSink) => void) =>
  z.superRefine<T>((value, payload) => fn(value, { addIssue: (issue) => payload.addIssue({ code: 'custom', ...issue }) }))

/**
 * Number's and money's bounds: below `min` breaks `tooSmall`, above `max` breaks `tooLarge`, with the bound
 * written as the kind shows it (money in kronor).
 */
export function checkRange(
  n: number,
  field: { min?: number; max?: number },
  zctx: IssueSink,
  m: (rule: 'tooSmall' | 'tooLarge', vars: Record<string, string | number>) => string,
  show: (bound: number) => string | number,
): void {
  if (field.min !== undefined && n < field.min) refuse(zctx, m('tooSmall', { min: show(field.min) }))
  else if (field.max !== undefined && n > field.max) refuse(zctx, m('tooLarge', { max: show(field.max) }))
}
