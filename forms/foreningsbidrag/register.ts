import canonicalize from 'canonicalize'
import { summarise, type Answers, type Locale, type SummaryRow } from '../kit/index.ts'
import { foreningsbidrag } from './index.ts'

/**
 * The answers that make up an association's entry in the register (docs/domain.md §3, "Register / annual
 * update"): who it is, who leads it, where the money goes and how many members it has. Everything else in
 * an application (the grant, its sessions, attachments) belongs to that application only.
 */
export const REGISTER_FIELDS = [
  'associationName', 'orgnr', 'seat', 'address',
  'chairName', 'chairPhone', 'chairEmail', 'treasurerName', 'treasurerPhone', 'treasurerEmail',
  'payment', 'membersTotal', 'members7to20', 'membersResident', 'membersWomen', 'membersMen', 'membershipFee', 'annualMeetingDate',
] as const

export type RegisterDetails = Partial<Record<(typeof REGISTER_FIELDS)[number], unknown>>
export type RegisterChanges = Record<string, { from?: unknown; to?: unknown }>

export function registerDetails(answers: Answers): RegisterDetails {
  return Object.fromEntries(REGISTER_FIELDS.filter((f) => answers[f] !== undefined).map((f) => [f, answers[f]]))
}

/** What differs between the entry as it was (null: a new association) and as now filed; unchanged fields are left out. */
export function registerChanges(before: RegisterDetails | null, after: RegisterDetails): RegisterChanges {
  // The stored side comes back from jsonb, which orders keys its own way: compare canonical JSON (RFC 8785).
  const same = (a: unknown, b: unknown) => canonicalize(a) === canonicalize(b)
  return Object.fromEntries(REGISTER_FIELDS.flatMap((f) => {
    if (before && same(before[f], after[f])) return []
    if (!before && after[f] === undefined) return []
    return [[f, { ...(before && before[f] !== undefined ? { from: before[f] } : {}), ...(after[f] !== undefined ? { to: after[f] } : {}) }]]
  }))
}

/** The entry as labelled rows in the form's own words and formats, in register order. */
export function registerRows(details: RegisterDetails, locale: Locale): SummaryRow[] {
  const rows = summarise(foreningsbidrag, details as Answers, locale).flatMap((s) => s.rows)
  return REGISTER_FIELDS.flatMap((f) => rows.filter((r) => r.fieldId === f))
}

/** One change as staff read it: the field's label and the old and new values formatted. */
export function changeRows(changes: RegisterChanges, locale: Locale): { label: string; from: string | null; to: string }[] {
  const shown = (f: string, v: unknown) => registerRows({ [f]: v } as RegisterDetails, locale).find((r) => r.fieldId === f)!
  return REGISTER_FIELDS.filter((f) => f in changes).map((f) => ({
    label: shown(f, changes[f]!.to).label,
    from: 'from' in changes[f]! ? shown(f, changes[f]!.from).value : null,
    to: shown(f, changes[f]!.to).value,
  }))
}
