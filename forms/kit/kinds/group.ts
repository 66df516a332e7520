import * as z from 'zod/mini'
import { invalidAnswer } from '../fallback-message.ts'
import { message, pick, requiredFrom } from '../messages.ts'
import { fill, t } from '../text.ts'
import type { GroupField, Locale, ValidationContext } from '../types.ts'
import { convert, preprocess, type IssueSink, type Kind } from './kind.ts'
import { simpleKindOf } from './simple.ts'

type Item = Record<string, unknown>

/** Up to this many items every row is rendered at once; larger groups get spare rows and "add another". */
export const ALL_ROWS_UP_TO = 5
/** Blank rows offered below the filled ones, so that a citizen without JavaScript rarely needs a round trip. */
export const SPARE_ROWS = 2

/**
 * A group's answer as a list of items: react-hook-form and the stored answers give an array, a form post
 * read by index may leave holes, and a hand-made post may give an object keyed by index.
 */
export function groupItems(raw: unknown): Item[] {
  const asItem = (x: unknown): Item => (x && typeof x === 'object' && !Array.isArray(x) ? (x as Item) : {})
  if (Array.isArray(raw)) return Array.from(raw, asItem)
  if (raw && typeof raw === 'object')
    return Object.entries(raw as Item)
      .filter(([k]) => /^\d+$/.test(k))
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([, v]) => asItem(v))
  return []
}

export const itemIsBlank = (field: GroupField, item: Item) => field.fields.every((f) => simpleKindOf(f).isEmpty(item[f.id], f))

export const itemLabel = (field: GroupField, index: number, locale: Locale) => fill(t(field.itemLabel, locale), { n: index + 1 })

/** How many rows to render: all of a small group; else the filled ones (keeping their places) plus spares. */
export function groupRows(field: GroupField, value: unknown): number {
  if (field.max <= ALL_ROWS_UP_TO) return field.max
  const items = groupItems(value)
  let lastFilled = -1
  items.forEach((item, i) => {
    if (!itemIsBlank(field, item)) lastFilled = i
  })
  return Math.min(field.max, Math.max(field.min ?? 1, lastFilled + 1 + SPARE_ROWS))
}

/** The tally's number for each non-blank item (capped) and their sum; null without a tally. */
export function groupTally(field: GroupField, value: unknown): { perItem: number[]; total: number } | null {
  const tally = field.tally
  if (!tally) return null
  const perItem = groupItems(value)
    .filter((item) => !itemIsBlank(field, item))
    .map((item) => {
      const n = Number(item[tally.field])
      const counted = Number.isFinite(n) && n > 0 ? n : 0
      return tally.cap === undefined ? counted : Math.min(counted, tally.cap)
    })
  return { perItem, total: perItem.reduce((a, b) => a + b, 0) }
}

const GROUP = {
  required: { sv: 'Inget är ifyllt. Fyll i minst en', en: 'Nothing is filled in. Fill in at least one' },
  tooMany: { sv: 'Det är för många. Du kan fylla i högst {max}', en: 'There are too many. You can fill in at most {max}' },
  tooFew: { sv: 'Det är för få. Fyll i minst {min}', en: 'There are too few. Fill in at least {min}' },
}

function validateItem(field: GroupField, item: Item, index: number, ctx: ValidationContext, zctx: IssueSink): Item {
  const clean: Item = {}
  const prefix = (msg: string) => `${itemLabel(field, index, ctx.locale)}: ${msg}`
  for (const sub of field.fields) {
    const kind = simpleKindOf(sub)
    const value = item[sub.id]
    if (kind.isEmpty(value, sub)) {
      if (!sub.optional) zctx.addIssue({ path: [index, sub.id], message: prefix(kind.requiredMessage(sub, ctx.locale)) })
      continue
    }
    const result = kind.schema(sub, ctx).safeParse(value, invalidAnswer(sub, ctx.locale))
    if (result.success) clean[sub.id] = result.data
    else
      for (const issue of result.error.issues)
        zctx.addIssue({ path: [index, sub.id, ...issue.path.map(String)], message: prefix(issue.message) })
  }
  return clean
}

export const group: Kind<GroupField> = {
  /**
   * Validates each non-blank item by its sub-fields' kinds (messages name the item, "Kontaktperson 2: …",
   * so the error summary tells rows apart) and stores the items without the blank ones. Error paths keep
   * the posted index, which is what the re-rendered inputs are named by.
   */
  schema: (field, ctx) =>
    preprocess(groupItems, z.pipe(z.array(z.record(z.string(), z.unknown())), convert((items: Item[], zctx) => {
      const out: Item[] = []
      items.forEach((item, i) => {
        if (!itemIsBlank(field, item)) out.push(validateItem(field, item, i, ctx, zctx))
      })
      if (out.length > field.max)
        zctx.addIssue({ message: message(field, 'tooMany', ctx.locale, GROUP.tooMany, { max: field.max }) })
      if (field.min && out.length < field.min)
        zctx.addIssue({ message: message(field, 'tooFew', ctx.locale, GROUP.tooFew, { min: field.min }) })
      return out
    }))),
  isEmpty: (raw, field) => groupItems(raw).every((item) => itemIsBlank(field, item)),
  format: (v, field, locale) =>
    groupItems(v).filter((item) => !itemIsBlank(field, item)).map((item, i) => `${itemLabel(field, i, locale)}\n${itemLines(field, item, locale).join('\n')}`).join('\n\n'),
  inputNames: (f) => f.fields.flatMap((sub) => simpleKindOf(sub).inputNames(sub).map((n) => `${f.id}.0.${n}`)),
  requiredMessage: requiredFrom(GROUP),
  messages: (f) => pick(GROUP, { tooFew: (f.min ?? 0) > 1 }),
}

/** "Label: answer" lines for one item's answered sub-fields, formatted by their kinds. */
export function itemLines(field: GroupField, item: Item, locale: Locale, shown?: (subId: string, formatted: string) => string): string[] {
  return field.fields
    .filter((sub) => !simpleKindOf(sub).isEmpty(item[sub.id], sub))
    .map((sub) => {
      const formatted = simpleKindOf(sub).format(item[sub.id], sub, locale)
      return `${t(sub.label, locale)}: ${shown ? shown(sub.id, formatted) : formatted}`
    })
}
