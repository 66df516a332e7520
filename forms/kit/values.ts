import { kindOf } from './kinds/index.ts'
import type { Answers, PageDef } from './types.ts'

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
    for (const name of kindOf(field).inputNames(field)) {
      if (field.kind === 'multichoice') setPath(out, name, form.getAll(name).filter((v) => typeof v === 'string'))
      else {
        const v = form.get(name)
        setPath(out, name, typeof v === 'string' ? v : undefined)
      }
    }
  }
  return out
}

/** The stored answers that belong to one page. */
export function pageAnswers(page: PageDef, answers: Answers): Answers {
  const out: Answers = {}
  for (const f of page.fields) if (f.id in answers) out[f.id] = answers[f.id]
  return out
}
