import { checkSubmission, visiblePages } from './schema.ts'
import { stepOf } from './steps.ts'
import type { Answers, FormDefinition, ValidationContext } from './types.ts'

/**
 * Where a citizen may be in an e-service. Like forms-runner's `can_visit?`: a page is reachable only
 * when every applicable page before it is complete, so nobody lands mid-form by URL and sends half.
 */
export function journey(def: FormDefinition, answers: Answers, ctx: ValidationContext) {
  const pages = visiblePages(def, answers)
  const check = checkSubmission(def, answers, ctx)
  const firstIncomplete = check.firstIncomplete
  const indexOf = (pageId: string) => pages.findIndex((p) => p.id === pageId)
  return {
    complete: check.complete,
    firstIncomplete,
    /** The page to send the citizen to instead, or null when `pageId` may be shown. */
    redirectFor(pageId: string): string | null {
      const i = indexOf(pageId)
      if (i < 0) return firstIncomplete ?? pages[0]?.id ?? null
      if (!firstIncomplete) return null
      return i > indexOf(firstIncomplete) ? firstIncomplete : null
    },
    /** Counted over the definition's steps, not the pages that apply now, so the total never moves (steps.ts). */
    step(pageId: string) {
      return stepOf(def, pageId)
    },
    previous(pageId: string): string | null {
      return pages[indexOf(pageId) - 1]?.id ?? null
    },
    next(pageId: string): string | null {
      return pages[indexOf(pageId) + 1]?.id ?? null
    },
  }
}
