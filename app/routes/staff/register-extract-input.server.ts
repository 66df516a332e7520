import { personnummer } from '#forms/kit/kinds/personnummer.ts'
import type { PersonnummerField } from '#forms/kit/index.ts'
import { todayIso } from '#services/config/municipality.server.ts'

// The person a register extract is about, read with the form kit's personnummer kind, so the officer gets
// the same checks and Swedish messages as a citizen typing one (samordningsnummer allowed: they have rights too).
const FIELD: PersonnummerField = { id: 'personnummer', kind: 'personnummer', label: { sv: 'personnumret', en: 'personal identity number' }, allowSamordningsnummer: true }
const CARD = /^\d{5,20}$/

export type ExtractInput = { personnummer: string; libraryCard: string | null }
export type ExtractInputResult =
  | { ok: true; input: ExtractInput }
  | { ok: false; errors: { anchor: 'personnummer' | 'libraryCard'; message: string }[]; typed: { personnummer: string; libraryCard: string } }

export function readExtractInput(form: FormData): ExtractInputResult {
  const typed = { personnummer: String(form.get('personnummer') ?? '').slice(0, 40), libraryCard: String(form.get('libraryCard') ?? '').slice(0, 40) }
  const errors: { anchor: 'personnummer' | 'libraryCard'; message: string }[] = []
  const card = typed.libraryCard.replace(/[\s-]/g, '')
  let pnr = ''
  if (!typed.personnummer.trim()) errors.push({ anchor: 'personnummer', message: personnummer.requiredMessage(FIELD, 'sv') })
  else {
    const r = personnummer.schema(FIELD, { locale: 'sv', today: todayIso() }).safeParse(typed.personnummer)
    if (r.success) pnr = String(r.data)
    else errors.push({ anchor: 'personnummer', message: r.error.issues[0]?.message ?? 'Kontrollera personnumret' })
  }
  if (card && !CARD.test(card)) errors.push({ anchor: 'libraryCard', message: 'Skriv lånekortets nummer med siffror, till exempel 20000000000001' })
  return errors.length ? { ok: false, errors, typed } : { ok: true, input: { personnummer: pnr, libraryCard: card || null } }
}
