import { holds } from './conditions.ts'
import { kindOf } from './kinds/index.ts'
import { visiblePages } from './schema.ts'
import { t } from './text.ts'
import type { Answers, FormDefinition, Locale } from './types.ts'

export type SummaryRow = { fieldId: string; label: string; value: string; changeHref?: string }
export type SummarySection = { pageId: string; title: string; rows: SummaryRow[] }

/**
 * The answers as rows, in page order, for every output: check-your-answers, the PDF receipt and the
 * staff view. Questions that did not apply are left out; optional ones left blank say so.
 */
export function summarise(
  def: FormDefinition,
  answers: Answers,
  locale: Locale,
  opts: { changeBase?: string } = {},
): SummarySection[] {
  const notGiven = locale === 'en' ? 'Not provided' : 'Inte angivet'
  return visiblePages(def, answers).map((page) => ({
    pageId: page.id,
    title: t(page.title, locale),
    rows: page.fields
      .filter((f) => holds(f.visibleWhen, answers))
      .map((f) => {
        const kind = kindOf(f)
        const value = answers[f.id]
        const shown = kind.isEmpty(value) && f.kind !== 'checkbox' ? notGiven : kind.format(value, f, locale)
        return {
          fieldId: f.id,
          label: t(f.label, locale),
          value: shown || notGiven,
          ...(opts.changeBase ? { changeHref: `${opts.changeBase}/${page.id}?andra=1#${f.id}` } : {}),
        }
      }),
  }))
}
