import { holds, toBool } from './conditions.ts'
import { kindOf } from './kinds/index.ts'
import { groupItems, groupTally, itemIsBlank, itemLabel, itemLines } from './kinds/group.ts'
import { visiblePages } from './schema.ts'
import { t } from './text.ts'
import type { Answers, FieldDef, FormDefinition, GroupField, Locale, Sensitivity } from './types.ts'
import { intlLocale } from './languages.ts'
import { phrase } from './phrases.ts'
import { numberFormat } from './intl.ts'

export type SummaryRow = { fieldId: string; label: string; value: string; changeHref?: string }
export type SummarySection = { pageId: string; title: string; rows: SummaryRow[] }

type Opts = {
  changeBase?: string
  /** Sensitive answers to hide, for readers whose role does not need them (see `FieldDef.sensitive`). */
  redact?: Sensitivity[]
}

/** Shown for an attachment a reader may not open, in place of its name (case page, PDF). */
export const REDACTED_FILE = {
  sv: 'Bilaga med känsliga uppgifter – visas bara för den som handlägger ärendet',
  en: 'Attachment with sensitive data – shown only to whoever handles the case',
}

/**
 * The answers as rows, in page order, for every output: check-your-answers, the PDF receipt and the
 * staff view. Questions that did not apply are left out; optional ones left blank say so. A group gives
 * one row per item ("Kontaktperson 2") with a line per answer, and a total row when it has a tally.
 */
export function summarise(def: FormDefinition, answers: Answers, locale: Locale, opts: Opts = {}): SummarySection[] {
  return visiblePages(def, answers).map((page) => ({
    pageId: page.id,
    title: t(page.title, locale),
    rows: page.fields
      .filter((f) => holds(f.visibleWhen, answers))
      .flatMap((f) => {
        const change = opts.changeBase ? { changeHref: `${opts.changeBase}/${page.id}?andra=1#${f.id}` } : {}
        return rowsFor(f, answers, locale, opts).map((r) => ({ ...r, ...change }))
      }),
  }))
}

function rowsFor(f: FieldDef, answers: Answers, locale: Locale, opts: Opts): SummaryRow[] {
  const value = answers[f.id]
  if (f.kind === 'group') return groupRowsFor(f, value, locale, opts)
  const kind = kindOf(f)
  const hidden = f.sensitive && opts.redact?.includes(f.sensitive)
  let shown: string
  if (kind.isEmpty(value, f) && f.kind !== 'checkbox')
    shown = phrase(locale, f.kind === 'file' && f.laterField && toBool(answers[f.laterField]) ? 'later' : 'notGiven')
  else if (hidden) shown = f.kind === 'file' ? t(REDACTED_FILE, locale) : phrase(locale, 'redacted')
  else shown = kind.format(value, f, locale) || phrase(locale, 'notGiven')
  return [{ fieldId: f.id, label: t(f.label, locale), value: shown }]
}

const num = (n: number, locale: Locale) => numberFormat(intlLocale(locale), {}).format(n)

function groupRowsFor(g: GroupField, value: unknown, locale: Locale, opts: Opts): SummaryRow[] {
  const items = groupItems(value).filter((item) => !itemIsBlank(g, item))
  if (items.length === 0) return [{ fieldId: g.id, label: t(g.label, locale), value: phrase(locale, 'notGiven') }]
  const redact = (subId: string, formatted: string) => {
    const sensitive = g.fields.find((s) => s.id === subId)?.sensitive
    return sensitive && opts.redact?.includes(sensitive) ? phrase(locale, 'redacted') : formatted
  }
  const tally = groupTally(g, items)
  const rows = items.map((item, i) => {
    const lines = itemLines(g, item, locale, redact)
    if (tally && g.tally) lines.push(`${t(g.tally.label, locale)}: ${num(tally.perItem[i] ?? 0, locale)}`)
    return { fieldId: `${g.id}.${i}`, label: itemLabel(g, i, locale), value: lines.join('\n') }
  })
  if (tally && g.tally?.totalLabel) rows.push({ fieldId: `${g.id}.total`, label: t(g.tally.totalLabel, locale), value: num(tally.total, locale) })
  return rows
}
