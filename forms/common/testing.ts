import { checkSubmission, fieldErrors, pageSchema, summarise, type Answers, type FormDefinition, type ValidationContext } from '../kit/index.ts'

/** Helpers for definition tests: a page's errors keyed by input name, and summary values by row id. */
export function tester(def: FormDefinition, ctx: ValidationContext) {
  return {
    errors(pageId: string, raw: Answers, answers: Answers = {}, c: ValidationContext = ctx) {
      const r = pageSchema(def, pageId, c, { answers }).safeParse(raw)
      return r.success ? {} : fieldErrors(r.error)
    },
    parse(pageId: string, raw: Answers, answers: Answers = {}) {
      return pageSchema(def, pageId, ctx, { answers }).parse(raw)
    },
    check: (answers: Answers, c: ValidationContext = ctx) => checkSubmission(def, answers, c),
    rows(answers: Answers, locale: 'sv' | 'en' = 'sv', redact?: ('code' | 'health')[]) {
      return Object.fromEntries(summarise(def, answers, locale, { redact }).flatMap((s) => s.rows).map((r) => [r.fieldId, r.value]))
    },
  }
}

export const fileRef = (name = 'intyg.pdf', mime = 'application/pdf') => ({ id: `id-${name}`, name, mime, size: 120_000 })
