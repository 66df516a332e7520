/**
 * The vocabulary of a case's event log (case_events). Every change to a case after receipt is one of
 * these, appended with who and when; status, assignee, team and deadlines are folded from them
 * (./state.ts). Pure and client-safe: route components may import the types and labels.
 */

import type { Locale } from '#forms/kit/types.ts'

export type StaffActor = { kind: 'staff'; id: string; name: string }
export type Actor = StaffActor | { kind: 'citizen'; name?: string } | { kind: 'system' }

export type Person = { id: string; name: string }
export type Flag = { flag: string; reason: string }

export const CLOSE_OUTCOMES = ['answered', 'handled', 'forwarded', 'referred'] as const
/** `duplicate`: the same matter as another case (`duplicateOf`), handled there (ADR 031); closed only through that action. */
export type CloseOutcome = (typeof CLOSE_OUTCOMES)[number] | 'department' | 'duplicate'

export type Decision = 'approved' | 'denied'

/** What the decision letter is made from, frozen at the moment of deciding so the letter can be rendered again exactly. */
export type DecisionLetter = {
  municipality: { name: string; address: string; phone: string; email: string }
  formTitle: { sv: string; en: string }
  applicant: { name?: string; personalNumber?: string } | null
  locale: Locale
  /** From the definition's `decision` (absent in decisions made before issue 11): what was applied for, the rules, the appeal route. */
  matter?: { sv: string; en: string }
  legalGround?: { sv: string; en: string }
  appealRoute?: { sv: string; en: string }
  /** The definition's own decision sentence, with `{matter}` (absent → "Din ansökan om … beviljas"). */
  outcome?: { approved: { sv: string; en: string }; denied: { sv: string; en: string } }
}

/** `letter`: no e-mail reaches the citizen, so staff chose to post a letter (ADR 034); it waits on the post list. */
export type Delivery = 'letter'
export type LetterKind = 'supplement' | 'decision'

export type EventData = {
  /** Written by receiving (services/cases/receive.server.ts); `flags` are receipt-time findings such as eligibility. */
  received: { channel?: string; location?: string; onBehalf?: Person; flags?: Flag[] }
  claimed: { assignee: Person }
  released: Record<string, never>
  reassigned: { assignee: Person | null; team?: string }
  note: { text: string }
  /**
   * A manual check item marked done (ok), missing, or not applicable to this case ("Ej aktuellt": ok and
   * `notApplicable`, so it does not count as missing), with an optional comment saying why.
   */
  checked: { item: string; label: string; ok: boolean; notApplicable?: true; comment?: string }
  flagged: Flag
  unflagged: { flag: string }
  supplement_requested: { items: { id: string; label: string }[]; message: string; dueDate: string; delivery?: Delivery }
  supplement_received: { requestSeq: number; text: string; attachments: { id: string; name: string }[] }
  forwarded: { department: string; note: string }
  accepted: Record<string, never>
  returned: { comment: string }
  decided: { decision: Decision; reasons: string; appealable: boolean; letter: DecisionLetter; delivery?: Delivery }
  /** The letter of event `letterSeq` (a supplement request or a decision) was posted: "Brev skickat med post". */
  letter_sent: { letterSeq: number; kind: LetterKind }
  /**
   * `atFirstContact`: closed in the step that registered it, the caller answered there and then (ADR 032).
   * `duplicateOf`: closed as a duplicate of another case, whose handling tells this case's reporter (ADR 031).
   */
  closed: { outcome: CloseOutcome; comment?: string; atFirstContact?: true; duplicateOf?: { id: string; number: string } }
  reopened: { reason: string }
  /** The thread with the citizen: `out` from staff (also e-mailed), `in` from the citizen on Mina sidor (with any files). */
  message: { direction: 'out' | 'in'; text: string; attachments?: { id: string; name: string }[] }
}

export type EventType = keyof EventData
export const EVENT_TYPES = [
  'received', 'claimed', 'released', 'reassigned', 'note', 'checked', 'flagged', 'unflagged', 'supplement_requested',
  'supplement_received', 'forwarded', 'accepted', 'returned', 'decided', 'closed', 'reopened', 'message', 'letter_sent',
] as const satisfies readonly EventType[]

export type NewEvent = { [K in EventType]: { type: K; data: EventData[K] } }[EventType]
export type CaseEvent = NewEvent & { seq: number; at: Date; actor: Actor }

/** An event as stored; types this code does not know (from a newer version) are kept and skipped. */
export type StoredEvent = { seq: number; type: string; at: Date; actor: Actor | Record<string, unknown>; data: Record<string, unknown> }

export const isKnownEvent = (e: StoredEvent): e is StoredEvent & CaseEvent => (EVENT_TYPES as readonly string[]).includes(e.type)
