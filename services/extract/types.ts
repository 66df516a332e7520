import type { Answers, FormDefinition } from '#forms/kit/index.ts'

/**
 * A register extract (GDPR art. 15): everything the portal holds about one person, as stored, with codes
 * rather than wording (the JSON download is this object; the PDF labels it). Client-safe.
 * Times are ISO strings so the same object goes to a page, to JSON and to the PDF.
 */

/** A staff member as the extract names them; `name` is null in the citizen's own extract (roles only). */
export type ExtractStaff = { name: string | null; role: string | null }

export type ExtractEvent = { seq: number; type: string; at: string; by: ExtractStaff | 'citizen' | 'system'; data: Record<string, unknown> }

export type ExtractCase = {
  number: string
  formId: string
  definition: FormDefinition
  answers: Answers
  applicant: Record<string, unknown> | null
  channel: string
  location: string | null
  team: string | null
  department: string | null
  status: string | null
  receivedAt: string
  events: ExtractEvent[]
  /** Names and sizes only: the contents are the files themselves, which Mina sidor and the case page give. */
  attachments: { name: string; mime: string; size: number; at: string }[]
  signature: { name: string; signedAt: string } | null
  /** Staff who appended to the case log, each once, in the order they first acted. */
  handledBy: ExtractStaff[]
}

export type ExtractDraft = {
  formId: string
  definition: FormDefinition | null
  answers: Answers
  createdAt: string
  updatedAt: string
  expiresAt: string
  attachments: { name: string; mime: string; size: number }[]
}

export type RegisterExtract = {
  personnummer: string
  libraryCard: string | null
  createdAt: string
  /** Whether staff names are left out (the citizen's own extract), so a reader of the JSON knows. */
  staffNames: boolean
  cases: ExtractCase[]
  drafts: ExtractDraft[]
  sessions: { kind: string; createdAt: string; lastSeenAt: string; expiresAt: string; libraryCard: boolean; assisted: boolean }[]
  bankidOrders: { purpose: string; flow: string; status: string; startedAt: string; finishedAt: string | null; formId: string | null }[]
  /** Cases filed at a kiosk computer: where, and whether staff helped in assisted mode. */
  kioskVisits: { caseNumber: string; at: string; location: string | null; assistedBy: ExtractStaff | null }[]
  associationHistory: { orgnr: string; association: string; caseNumber: string; at: string; role: string | null; fields: string[] }[]
  emails: { to: string; subject: string; caseNumber: string | null; createdAt: string; sentAt: string | null; failed: boolean }[]
  /** Who opened or searched for the person's data (audit_log), oldest first. `by` null: the citizen themselves. */
  access: { at: string; action: string; caseNumber: string | null; by: ExtractStaff | null }[]
}

/** The citizen's own copy: what staff did and in which role, without staff names. */
export function withoutStaffNames(x: RegisterExtract): RegisterExtract {
  const anon = (s: ExtractStaff): ExtractStaff => ({ name: null, role: s.role })
  const anonBy = (b: ExtractEvent['by']) => (typeof b === 'string' ? b : anon(b))
  // Staff names also sit in event data (assignees, assisted mode); only the kinds of events stay there.
  const data = (e: ExtractEvent) => (e.type === 'claimed' || e.type === 'reassigned' || e.type === 'received' ? {} : e.data)
  return {
    ...x,
    staffNames: false,
    cases: x.cases.map((c) => ({
      ...c,
      events: c.events.filter((e) => e.type !== 'note').map((e) => ({ ...e, by: anonBy(e.by), data: data(e) })),
      handledBy: dedupe(c.handledBy.map(anon)),
    })),
    kioskVisits: x.kioskVisits.map((k) => ({ ...k, assistedBy: k.assistedBy && anon(k.assistedBy) })),
    access: x.access.map((a) => ({ ...a, by: a.by && anon(a.by) })),
  }
}

export function dedupe(staff: ExtractStaff[]): ExtractStaff[] {
  const seen = new Set<string>()
  return staff.filter((s) => {
    const key = `${s.name ?? ''}|${s.role ?? ''}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
