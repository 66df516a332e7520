import { holds, t, visiblePages, type Answers, type FileRef, type FormDefinition, type Text } from '#forms/kit/index.ts'
import type { ReceiptFindings } from './receive-plan.ts'
import type { CaseState } from './state.ts'

export type ChecklistItem = {
  id: string
  /** Automatic findings read as a sentence true for what was found; manual items are the definition's label. */
  label: string
  /** What the item is ("Bilaga: Foto", a page's title), as a supplement request names what is missing. */
  name: string
  /** Automatic checks come from the definition and the receipt; manual ones are marked by staff (events). */
  kind: 'auto' | 'manual'
  /** null: not yet checked by anyone. A manual item marked "Ej aktuellt" is ok (nothing is missing). */
  ok: boolean | null
  detail?: string
  /** Wording for the state where "Klar/Saknas" does not fit (a flag's finding, "Ej aktuellt"). */
  status?: string
  /** A manual item staff marked as not applicable to this case. */
  notApplicable?: boolean
}

type FlagFinding = Omit<NonNullable<ReceiptFindings['flags']>[number], 'finding'> & { finding?: Text }
/** The receipt's findings as stored: cases received before findings were sentences have no `finding`. */
type StoredFindings = { pages?: ReceiptFindings['pages']; flags?: FlagFinding[] }

// The finding says what was found; the status says what it asks of the handler.
const FLAG_STATUS = { clear: 'Klar', raised: 'Behöver bedömas', unknown: 'Behöver bedömas' } as const
// Cases received before findings were sentences stored only the flag's reason, true only when it was raised.
const OLD_FLAG_STATUS = { clear: 'Gäller inte', raised: 'Gäller – flaggad', unknown: 'Kunde inte bedömas' } as const

/** What an unknown finding lacked, in words: the municipality's setting or the citizen's answer to a field. */
function missingWords(def: FormDefinition, missing: string[]): string {
  const label = (id: string) => def.pages.flatMap((p) => p.fields).find((f) => f.id === id.split('.')[0])?.label
  return missing.map((m) => {
    const [kind, key = ''] = m.split(':')
    if (kind === 'setting') return `inställningen ${key} i kommunens konfiguration saknas`
    const l = label(key)
    return `svaret på ”${l ? t(l, 'sv') : key}” saknas`
  }).join(', ')
}

/** An eligibility flag as a checklist row: a raised or unjudged one needs a human look, a clear one passed. */
function flagItem(def: FormDefinition, f: FlagFinding): ChecklistItem {
  const ok = f.status === 'clear' ? true : f.status === 'raised' ? false : null
  const detail = f.status === 'clear' ? 'Kontrollerat automatiskt när ärendet kom in'
    : f.status === 'raised' ? 'En handläggare behöver bedöma det'
    : `Gick inte att kontrollera automatiskt: ${missingWords(def, f.missing ?? [])}`
  const name = `Villkor: ${f.reason.sv}`
  if (!f.finding) return { id: `flag:${f.id}`, kind: 'auto', label: name, name, status: OLD_FLAG_STATUS[f.status], ok, detail }
  return { id: `flag:${f.id}`, kind: 'auto', label: f.finding.sv, name, status: FLAG_STATUS[f.status], ok, detail }
}

const PAGE_FINDING = {
  ok: (title: string) => `Sidan ”${title}” är ifylld`,
  incomplete: (title: string) => `Sidan ”${title}” var inte komplett när ärendet kom in`,
  unchecked: (title: string) => `Sidan ”${title}” kontrollerades inte när ärendet kom in`,
}

/** An attachment slot's finding: how many files came, and whether that is enough. */
function fileFinding(label: string, count: number, min: number, optional: boolean): string {
  const files = `${count} ${count === 1 ? 'fil' : 'filer'}`
  if (count > 0) return `${files} ${count === 1 ? 'bifogad' : 'bifogade'} som ”${label}”${count < min ? `, minst ${min} behövs` : ''}`
  return optional && min === 0 ? `Ingen fil bifogad som ”${label}”, vilket är frivilligt` : `Ingen fil bifogad som ”${label}”`
}

/** How a manual item was last marked, for the "Läge" and "Kommentar" columns. */
function manualItem(id: string, label: string, mark: CaseState['checks'][string] | undefined): ChecklistItem {
  if (!mark) return { id, label, name: label, kind: 'manual', ok: null, detail: 'Inte kontrollerad' }
  if (mark.notApplicable) {
    return {
      id, label, name: label, kind: 'manual', ok: true, notApplicable: true, status: 'Ej aktuellt',
      detail: `Ej aktuellt enligt ${mark.by}${mark.comment ? `: ${mark.comment}` : ''}`,
    }
  }
  return { id, label, name: label, kind: 'manual', ok: mark.ok, detail: `${mark.ok ? 'Kontrollerad av' : 'Saknas enligt'} ${mark.by}` }
}

/**
 * The completeness checklist of a case: what the form kit checked when it was received (every page that
 * applied, every attachment slot, every eligibility flag's finding), then the manual items the definition
 * declares with how staff last marked them. Also the list staff pick missing items from when they ask for a
 * supplement.
 */
export function checklist(def: FormDefinition, answers: Answers, completeness: StoredFindings, state: Pick<CaseState, 'checks'>): ChecklistItem[] {
  const pagesOk = new Map((completeness.pages ?? []).map((p) => [p.pageId, p.ok]))
  const items: ChecklistItem[] = []
  for (const page of visiblePages(def, answers)) {
    const title = t(page.title, 'sv')
    const ok = pagesOk.get(page.id) ?? null
    items.push({
      id: `page:${page.id}`, name: title, kind: 'auto', ok, detail: ok ? 'Kontrollerat automatiskt när ärendet kom in' : undefined,
      label: ok ? PAGE_FINDING.ok(title) : ok === false ? PAGE_FINDING.incomplete(title) : PAGE_FINDING.unchecked(title),
    })
    for (const f of page.fields) {
      if (f.kind !== 'file' || !holds(f.visibleWhen, answers)) continue
      const files = (answers[f.id] as FileRef[] | undefined) ?? []
      const min = f.minFiles ?? (f.optional ? 0 : 1)
      const label = t(f.label, 'sv')
      items.push({ id: `file:${f.id}`, name: `Bilaga: ${label}`, kind: 'auto', ok: files.length >= min, label: fileFinding(label, files.length, min, !!f.optional) })
    }
  }
  for (const f of completeness.flags ?? []) items.push(flagItem(def, f))
  for (const c of def.checks ?? []) items.push(manualItem(`check:${c.id}`, t(c.label, 'sv'), state.checks[c.id]))
  return items
}
