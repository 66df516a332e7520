import { simpleKindOf } from './kinds/simple.ts'
import type { Answers, GroupField, ItemField, PageDef } from './types.ts'

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const [head, ...rest] = path.split('.')
  if (!head) return
  if (rest.length === 0) {
    target[head] = value
    return
  }
  const child = (target[head] ??= {}) as Record<string, unknown>
  setPath(child, rest.join('.'), value)
}

/**
 * Reads a page's answers from a form post into the same shape react-hook-form produces in the browser,
 * so one schema validates both. File inputs are left out: the server stores uploads first and answers
 * with references to them.
 */
export function valuesFromFormData(page: PageDef, form: FormData): Answers {
  const out: Record<string, unknown> = {}
  for (const field of page.fields) {
    if (field.kind === 'file') continue
    if (field.kind === 'group') out[field.id] = groupFromFormData(field, form)
    else readInto(out, field, '', form)
  }
  return out
}

function readInto(target: Record<string, unknown>, field: ItemField, prefix: string, form: FormData) {
  for (const name of simpleKindOf(field).inputNames(field)) {
    const posted = `${prefix}${name}`
    if (field.kind === 'multichoice') setPath(target, name, form.getAll(posted).filter((v) => typeof v === 'string'))
    else {
      const v = form.get(posted)
      setPath(target, name, typeof v === 'string' ? v : undefined)
    }
  }
}

/**
 * A group's rows as posted ("contacts.1.name"), by index, as an array like react-hook-form's. Rows the page
 * cannot have rendered (index ≥ max) are ignored, so a crafted post cannot make a huge sparse array.
 */
function groupFromFormData(field: GroupField, form: FormData): Record<string, unknown>[] {
  const pattern = new RegExp(`^${field.id}\\.(\\d+)\\.`)
  let last = -1
  for (const key of form.keys()) {
    const m = pattern.exec(key)
    if (m && Number(m[1]) < field.max) last = Math.max(last, Number(m[1]))
  }
  return Array.from({ length: last + 1 }, (_, i) => {
    const item: Record<string, unknown> = {}
    for (const sub of field.fields) readInto(item, sub, `${field.id}.${i}.`, form)
    return item
  })
}

/** The stored answers that belong to one page. */
export function pageAnswers(page: PageDef, answers: Answers): Answers {
  const out: Answers = {}
  for (const f of page.fields) if (f.id in answers) out[f.id] = answers[f.id]
  return out
}
