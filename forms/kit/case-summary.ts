import { holds } from './conditions.ts'
import { kindOf } from './kinds/index.ts'
import type { Answers, FormDefinition, Locale } from './types.ts'

/**
 * A case's one-line summary for the queue, by its definition's `summary` declaration (`QueueSummaryDef`):
 * the declared answers, formatted as everywhere else, on one line. A definition without a declaration has
 * no summary. Sensitivity is checked again here as well as in defineForm, so a field marked sensitive later
 * (the current definition's marks apply to old cases, ADR 018) drops out of the queue at once.
 */
export function caseSummary(def: FormDefinition, answers: Answers, locale: Locale): string {
  const fields = def.pages.flatMap((p) => p.fields)
  const parts: string[] = []
  for (const id of def.summary?.fields ?? []) {
    const f = fields.find((x) => x.id === id)
    if (!f || f.sensitive || f.kind === 'group' || f.kind === 'file' || !holds(f.visibleWhen, answers)) continue
    const kind = kindOf(f)
    const value = answers[id]
    if (kind.isEmpty(value, f)) continue
    const shown = kind.format(value, f, locale).replace(/\s*\n\s*/g, ', ').trim()
    if (shown) parts.push(shown)
  }
  return parts.join(' · ')
}
