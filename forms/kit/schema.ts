import * as z from 'zod/mini'
import { holds, toBool } from './conditions.ts'
import { invalidAnswer } from './fallback-message.ts'
import { convert } from './kinds/kind.ts'
import { kindOf } from './kinds/index.ts'
import { ruleIssues } from './rules.ts'
import type { Answers, FieldDef, FormDefinition, PageDef, ValidationContext } from './types.ts'

export type FieldErrors = Record<string, string>

/** Answers as conditions see them: the stored ones overlaid with what is being posted. */
const merged = (answers: Answers, raw: Answers): Answers => {
  const all: Answers = { ...answers, ...raw }
  for (const [k, v] of Object.entries(all)) if (v === 'on') all[k] = toBool(v)
  return all
}

export function findPage(def: Pick<FormDefinition, 'pages'>, pageId: string): PageDef | undefined {
  return def.pages.find((p) => p.id === pageId)
}

/**
 * The zod schema of one page: used by react-hook-form in the browser and by the route action on the
 * server. It validates only fields whose condition holds and returns just those, so an answer to a
 * question that no longer applies is dropped rather than kept invisibly. `mode: 'client'` skips file
 * fields, which only the server can judge (the type comes from the bytes).
 */
export function pageSchema(
  def: Pick<FormDefinition, 'id' | 'pages'>,
  pageId: string,
  ctx: ValidationContext,
  opts: { answers?: Answers; mode?: 'client' | 'server' } = {},
) {
  const page = findPage(def, pageId)
  if (!page) throw new Error(`Form "${def.id}" has no page "${pageId}"`)
  return z.pipe(z.record(z.string(), z.unknown()), convert((raw: Answers, zctx) => {
    const all = merged(opts.answers ?? {}, raw)
    const out: Answers = {}
    for (const field of page.fields) {
      if (opts.mode === 'client' && field.kind === 'file') continue
      if (!holds(field.visibleWhen, all)) continue
      const kind = kindOf(field)
      const value = raw[field.id]
      if (kind.isEmpty(value, field)) {
        if (isRequired(field, all)) zctx.addIssue({ path: [field.id], message: kind.requiredMessage(field, ctx.locale) })
        continue
      }
      const result = fieldSchema(field, ctx).safeParse(value, invalidAnswer(field, ctx.locale))
      if (result.success) out[field.id] = result.data
      else
        for (const issue of result.error.issues)
          zctx.addIssue({ path: [field.id, ...issue.path.map(String)], message: issue.message })
    }
    for (const issue of ruleIssues({ page, raw, clean: out, all, ctx }))
      zctx.addIssue({ path: [issue.target], message: issue.message })
    return out
  }))
}

/**
 * Before the browser checks a page: what the kinds of the answers given must fetch to judge them (the telephone
 * check, ADR 055), a group's items included. A fetch that fails leaves those answers to the server, as without
 * JavaScript; on the server every kind has everything, and this waits for nothing.
 */
export async function checksReady(fields: readonly FieldDef[], values: Answers): Promise<void> {
  const waits: Promise<void>[] = []
  const visit = (field: FieldDef, value: unknown) => {
    const kind = kindOf(field)
    if (kind.ready && !kind.isEmpty(value, field)) waits.push(kind.ready().catch(() => {}))
  }
  for (const field of fields) {
    if (field.kind !== 'group') visit(field, values[field.id])
    else for (const item of Array.isArray(values[field.id]) ? (values[field.id] as Answers[]) : [])
      for (const sub of field.fields) visit(sub, item?.[sub.id])
  }
  await Promise.all(waits)
}

const fieldSchemas = new WeakMap<FieldDef, Map<string, z.ZodMiniType>>()

/**
 * A field's zod schema, built once per field and context: building one costs more than using it, and every
 * page post and every send validates every field again. Kinds read only the locale, the day and the bounds.
 */
function fieldSchema(field: FieldDef, ctx: ValidationContext): z.ZodMiniType {
  const key = `${ctx.locale}|${ctx.today}|${ctx.bounds ? Object.values(ctx.bounds).join(',') : ''}`
  let byContext = fieldSchemas.get(field)
  if (!byContext) fieldSchemas.set(field, (byContext = new Map()))
  let schema = byContext.get(key)
  if (!schema) {
    // A new day or language: yesterday's schemas are not needed again.
    if (byContext.size >= 4) byContext.clear()
    schema = kindOf(field).schema(field, ctx)
    byContext.set(key, schema)
  }
  return schema
}

/** Required unless optional, or an attachment slot whose "I will hand it in later" box is ticked. */
export function isRequired(field: FieldDef, all: Answers): boolean {
  if (field.optional) return false
  return !(field.kind === 'file' && field.laterField && toBool(all[field.laterField]))
}

/** Issues keyed by input name ("place.street"); the first message per input wins, as it is shown first. */
export function fieldErrors(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): FieldErrors {
  const out: FieldErrors = {}
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.')
    if (key && !(key in out)) out[key] = issue.message
  }
  return out
}

export function visiblePages(def: FormDefinition, answers: Answers): PageDef[] {
  return def.pages.filter((p) => holds(p.visibleWhen, answers))
}

export type Completeness = {
  complete: boolean
  pages: { pageId: string; errors: FieldErrors }[]
  firstIncomplete?: string
  /** The answers as they validate now: what is stored with the case. */
  answers: Answers
}

/** One page of the stored answers, checked as the whole submission's check does. */
export function checkPage(def: FormDefinition, page: PageDef, answers: Answers, ctx: ValidationContext) {
  const raw: Answers = {}
  for (const f of page.fields) raw[f.id] = answers[f.id]
  return pageSchema(def, page.id, ctx, { answers }).safeParse(raw)
}

/**
 * Validates the whole submission again, page by page, from the stored answers: what the server runs
 * before a case is received. The browser never gets to say "done".
 */
export function checkSubmission(def: FormDefinition, answers: Answers, ctx: ValidationContext): Completeness {
  const pages: Completeness['pages'] = []
  const clean: Answers = {}
  for (const page of visiblePages(def, answers)) {
    const result = checkPage(def, page, answers, ctx)
    if (result.success) Object.assign(clean, result.data)
    pages.push({ pageId: page.id, errors: result.success ? {} : fieldErrors(result.error) })
  }
  const firstIncomplete = pages.find((p) => Object.keys(p.errors).length > 0)?.pageId
  return { complete: !firstIncomplete, pages, firstIncomplete, answers: clean }
}
