import { holds, t, visiblePages, type Answers, type FileRef, type FormDefinition } from '../../forms/kit/index.ts'
import type { CaseState } from './state.ts'

export type ChecklistItem = {
  id: string
  label: string
  /** Automatic checks come from the definition and the receipt; manual ones are ticked by staff (events). */
  kind: 'auto' | 'manual'
  /** null: not yet checked by anyone. */
  ok: boolean | null
  detail?: string
  /** Wording for the state where "done/missing" does not fit (an eligibility flag's finding). */
  status?: string
}

type FlagFinding = { id: string; status: 'raised' | 'clear' | 'unknown'; reason: { sv: string }; missing?: string[] }
type Completeness = { pages?: { pageId: string; ok: boolean }[]; flags?: FlagFinding[] }

// A flag's reason names the condition that needs a look; the status says whether it applied.
const FLAG_STATUS = { clear: 'Gäller inte', raised: 'Gäller – flaggad', unknown: 'Kunde inte bedömas' } as const
const FLAG_DETAIL = { clear: 'Kontrollerat automatiskt när ärendet kom in', raised: 'Behöver bedömas av en handläggare' } as const

/** An eligibility flag as a checklist row: a raised or unjudged one needs a human look, a clear one passed. */
function flagItem(f: FlagFinding): ChecklistItem {
  return {
    id: `flag:${f.id}`, kind: 'auto', label: `Villkor: ${f.reason.sv}`, status: FLAG_STATUS[f.status],
    ok: f.status === 'clear' ? true : f.status === 'raised' ? false : null,
    detail: f.status === 'unknown' ? `Uppgift saknas: ${(f.missing ?? []).join(', ')}` : FLAG_DETAIL[f.status],
  }
}

/**
 * The completeness checklist of a case: what the form kit checked when it was received (every page that
 * applied, every attachment slot, every eligibility flag's finding), then the manual items the definition declares with how staff last
 * marked them. Also the list staff pick missing items from when they ask for a supplement.
 */
export function checklist(def: FormDefinition, answers: Answers, completeness: Completeness, state: Pick<CaseState, 'checks'>): ChecklistItem[] {
  const pagesOk = new Map((completeness.pages ?? []).map((p) => [p.pageId, p.ok]))
  const items: ChecklistItem[] = []
  for (const page of visiblePages(def, answers)) {
    items.push({ id: `page:${page.id}`, label: t(page.title, 'sv'), kind: 'auto', ok: pagesOk.get(page.id) ?? null, detail: 'Ifyllt och kontrollerat när ärendet kom in' })
    for (const f of page.fields) {
      if (f.kind !== 'file' || !holds(f.visibleWhen, answers)) continue
      const files = (answers[f.id] as FileRef[] | undefined) ?? []
      const enough = files.length >= (f.minFiles ?? (f.optional ? 0 : 1))
      items.push({
        id: `file:${f.id}`, label: `Bilaga: ${t(f.label, 'sv')}`, kind: 'auto', ok: enough,
        detail: files.length ? `${files.length} ${files.length === 1 ? 'fil' : 'filer'}` : f.optional ? 'Ingen bifogad (frivillig)' : 'Saknas',
      })
    }
  }
  for (const f of completeness.flags ?? []) items.push(flagItem(f))
  for (const c of def.checks ?? []) {
    const mark = state.checks[c.id]
    items.push({
      id: `check:${c.id}`, label: t(c.label, 'sv'), kind: 'manual', ok: mark ? mark.ok : null,
      detail: mark ? `${mark.ok ? 'Kontrollerad' : 'Saknas enligt'} ${mark.by}` : 'Inte kontrollerad',
    })
  }
  return items
}
