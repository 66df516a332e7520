import { checkPage, visiblePages } from './schema.ts'
import { stepOf } from './steps.ts'
import type { Answers, FormDefinition, ValidationContext } from './types.ts'

/**
 * Where a citizen may be in an e-service. Like forms-runner's `can_visit?`: a page is reachable only
 * when every applicable page before it is complete, so nobody lands mid-form by URL and sends half.
 */
export function journey(def: FormDefinition, answers: Answers, ctx: ValidationContext) {
  const pages = visiblePages(def, answers)
  // Each page is checked only when a question needs it, at most once: showing page n needs only the pages
  // before it, so a first page checks nothing, where checking every page on every view cost a form page a
  // twentieth of its time.
  const incomplete: boolean[] = []
  const isIncomplete = (i: number) => (incomplete[i] ??= !checkPage(def, pages[i]!, answers, ctx).success)
  const firstIncompleteBefore = (end: number): string | undefined => {
    for (let i = 0; i < end; i++) if (isIncomplete(i)) return pages[i]!.id
    return undefined
  }
  const indexOf = (pageId: string) => pages.findIndex((p) => p.id === pageId)
  return {
    get complete(): boolean {
      return firstIncompleteBefore(pages.length) === undefined
    },
    get firstIncomplete(): string | undefined {
      return firstIncompleteBefore(pages.length)
    },
    /** The page to send the citizen to instead, or null when `pageId` may be shown. */
    redirectFor(pageId: string): string | null {
      const i = indexOf(pageId)
      if (i < 0) return firstIncompleteBefore(pages.length) ?? pages[0]?.id ?? null
      return firstIncompleteBefore(i) ?? null
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
