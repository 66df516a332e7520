import { phrase } from './phrases.ts'
import { t } from './text.ts'
import type { Condition, FormDefinition, Locale, PageDef } from './types.ts'

/**
 * One step of an e-service as the start page lists it and every page counts it. Pages that are
 * alternatives to one another (each shown for another answer to the same question: föreningsbidrag's
 * sessions, premises or start-up page) are one step. A step that may not apply is `conditional`: it keeps
 * its number, and a citizen it does not apply to goes past it. Checking the answers comes after the steps.
 * So the count never changes under the citizen's feet ("Steg 1 av 4", then "Steg 2 av 5") and the start
 * page and the pages agree.
 */
export type Step = { pages: PageDef[]; conditional: boolean }

const equalsOn = (c: Condition | undefined): { field: string; value: string } | null =>
  c && 'equals' in c && typeof c.equals === 'string' ? { field: c.field, value: c.equals } : null

export function formSteps(def: FormDefinition): Step[] {
  const steps: Step[] = []
  for (const page of def.pages) {
    const on = equalsOn(page.visibleWhen)
    const last = steps[steps.length - 1]
    const lastOn = last && equalsOn(last.pages[0]!.visibleWhen)
    if (on && lastOn && lastOn.field === on.field) last!.pages.push(page)
    else steps.push({ pages: [page], conditional: page.visibleWhen !== undefined })
  }
  for (const step of steps) if (step.pages.length > 1) step.conditional = !coversEveryAnswer(def, step)
  return steps
}

/** Alternatives on a required choice that has a page for every option: one of them always applies. */
function coversEveryAnswer(def: FormDefinition, step: Step): boolean {
  const on = equalsOn(step.pages[0]!.visibleWhen)!
  const field = def.pages.flatMap((p) => p.fields).find((f) => f.id === on.field)
  if (!field || field.kind !== 'choice' || field.optional) return false
  const shown = new Set(step.pages.map((p) => equalsOn(p.visibleWhen)!.value))
  return field.options.every((o) => shown.has(o.value))
}

/** "Steg n av total" for a page. */
export function stepOf(def: FormDefinition, pageId: string): { n: number; total: number } {
  const steps = formSteps(def)
  return { n: steps.findIndex((s) => s.pages.some((p) => p.id === pageId)) + 1, total: steps.length }
}

/** The names of the steps as the start page lists them. */
export function stepNames(def: FormDefinition, locale: Locale): string[] {
  const or = ` ${phrase(locale, 'or')} `
  return formSteps(def).map((s) => {
    const titles = s.pages.map((p) => t(p.title, locale))
    const name = titles.length > 1 ? `${titles.slice(0, -1).join(', ')}${or}${titles[titles.length - 1]}` : titles[0]!
    return s.conditional ? `${name} (${phrase(locale, 'ifApplies')})` : name
  })
}
