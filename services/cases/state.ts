import type { CaseEvent, CloseOutcome, Decision, Flag, Person, StoredEvent } from './events.ts'
import { isKnownEvent } from './events.ts'
import { dateTimeFormat } from '#forms/kit/intl.ts'

/**
 * A case's current state, folded from its event log. Pure: the same events always give the same state,
 * so the `case_state` projection can be rebuilt from the log at any time and tests can check one
 * against the other (docs/decisions/006-case-state-projection.md).
 */
export type CaseStatus = 'new' | 'in_progress' | 'waiting' | 'forwarded' | 'decided' | 'closed'
/** Statuses in which someone still owes the citizen something. */
export const OPEN_STATUSES: readonly CaseStatus[] = ['new', 'in_progress', 'waiting', 'forwarded']

export type CaseBase = {
  receivedAt: Date
  team: string | null
  /** From the form definition (`handlingDays`) or the portal's default. */
  handlingDays: number
  /** The municipality's time zone: a supplement due on a date is due at the end of that day there. */
  timeZone: string
}

export type OpenSupplement = { seq: number; items: { id: string; label: string }[]; message: string; dueDate: string; requestedAt: Date }

export type CaseState = {
  seq: number
  status: CaseStatus
  assignee: Person | null
  team: string | null
  /** The department the case is (or was last) forwarded to; cleared when it is returned. */
  forwardedTo: string | null
  acceptedBy: Person | null
  wasForwarded: boolean
  /** Flags with their reasons: receipt-time findings, staff flags, and the marks the log implies. */
  flags: (Flag & { at: Date })[]
  checks: Record<string, { ok: boolean; notApplicable?: true; comment?: string; label: string; by: string; at: Date }>
  supplement: OpenSupplement | null
  supplementCount: number
  decision: { decision: Decision; reasons: string; appealable: boolean; seq: number; at: Date; by: string } | null
  outcome: CloseOutcome | null
  receivedAt: Date
  firstActionAt: Date | null
  decidedAt: Date | null
  closedAt: Date | null
  /** When the case should next be acted on: the supplement's due date while waiting, else the handling deadline. */
  dueAt: Date | null
  lastEventAt: Date
  /** Seqs of the events whose letter is still to be posted (ADR 034). */
  lettersToPost: number[]
}

export const DEFAULT_HANDLING_DAYS = 10
const DAY_MS = 24 * 3600 * 1000

/** Marks the log implies; they last until staff next act on the case (see `clearsMarks`). */
const MARKS = ['supplement_received', 'returned', 'message_received'] as const

export function initialState(base: CaseBase): CaseState {
  return {
    seq: 0, status: 'new', assignee: null, team: base.team, forwardedTo: null, acceptedBy: null, wasForwarded: false,
    flags: [], checks: {}, supplement: null, supplementCount: 0, decision: null, outcome: null,
    receivedAt: base.receivedAt, firstActionAt: null, decidedAt: null, closedAt: null, dueAt: null, lastEventAt: base.receivedAt,
    lettersToPost: [],
  }
}

const withFlag = (flags: CaseState['flags'], f: Flag, at: Date) => [...flags.filter((x) => x.flag !== f.flag), { ...f, at }]
const withoutFlags = (flags: CaseState['flags'], names: readonly string[]) => flags.filter((x) => !names.includes(x.flag))
const backToQueue = (s: CaseState): CaseState['status'] => (s.assignee ? 'in_progress' : 'new')

// Any of these by staff means they have dealt with what was marked; claiming or a note does not.
const clearsMarks = new Set(['checked', 'supplement_requested', 'forwarded', 'decided', 'closed', 'message'])

/** Applies one event. Unknown event types (written by a newer version) only advance the sequence. */
export function applyEvent(s: CaseState, e: CaseEvent | StoredEvent, base: CaseBase): CaseState {
  const next: CaseState = { ...s, seq: e.seq, lastEventAt: e.at }
  if (!isKnownEvent(e)) return finish(next, base)
  const ev = e as CaseEvent
  const byStaff = ev.actor.kind === 'staff'
  if (byStaff && ev.type !== 'received' && !next.firstActionAt) next.firstActionAt = ev.at
  if (byStaff && clearsMarks.has(ev.type)) next.flags = withoutFlags(next.flags, MARKS)

  switch (ev.type) {
    case 'received':
      next.status = 'new'
      for (const f of ev.data.flags ?? []) next.flags = withFlag(next.flags, f, ev.at)
      break
    case 'claimed':
      next.assignee = ev.data.assignee
      if (next.status === 'new') next.status = 'in_progress'
      break
    case 'released':
      next.assignee = null
      if (next.status === 'in_progress') next.status = 'new'
      break
    case 'reassigned':
      next.assignee = ev.data.assignee
      if (ev.data.team) next.team = ev.data.team
      if (next.status === 'in_progress' && !next.assignee) next.status = 'new'
      if (next.status === 'new' && next.assignee) next.status = 'in_progress'
      break
    case 'checked':
      next.checks = {
        ...next.checks,
        [ev.data.item]: {
          ok: ev.data.ok, label: ev.data.label, by: nameOf(ev), at: ev.at,
          ...(ev.data.notApplicable ? { notApplicable: true as const } : {}), ...(ev.data.comment ? { comment: ev.data.comment } : {}),
        },
      }
      break
    case 'flagged':
      next.flags = withFlag(next.flags, { flag: ev.data.flag, reason: ev.data.reason }, ev.at)
      break
    case 'unflagged':
      next.flags = withoutFlags(next.flags, [ev.data.flag])
      break
    case 'supplement_requested':
      next.status = 'waiting'
      next.supplement = { seq: ev.seq, items: ev.data.items, message: ev.data.message, dueDate: ev.data.dueDate, requestedAt: ev.at }
      next.supplementCount += 1
      if (ev.data.delivery === 'letter') next.lettersToPost = [...next.lettersToPost, ev.seq]
      break
    case 'supplement_received':
      next.supplement = null
      next.status = backToQueue(next)
      next.flags = withFlag(next.flags, { flag: 'supplement_received', reason: 'Medborgaren har svarat på kompletteringsbegäran' }, ev.at)
      break
    case 'forwarded':
      next.status = 'forwarded'
      next.forwardedTo = ev.data.department
      next.acceptedBy = null
      next.wasForwarded = true
      break
    case 'accepted':
      next.acceptedBy = { id: ev.actor.kind === 'staff' ? ev.actor.id : '', name: nameOf(ev) }
      break
    case 'returned':
      next.forwardedTo = null
      next.acceptedBy = null
      next.status = backToQueue(next)
      next.flags = withFlag(next.flags, { flag: 'returned', reason: ev.data.comment }, ev.at)
      break
    case 'decided':
      next.status = 'decided'
      next.decision = { decision: ev.data.decision, reasons: ev.data.reasons, appealable: ev.data.appealable, seq: ev.seq, at: ev.at, by: nameOf(ev) }
      next.decidedAt ??= ev.at
      if (ev.data.delivery === 'letter') next.lettersToPost = [...next.lettersToPost, ev.seq]
      break
    case 'letter_sent':
      next.lettersToPost = next.lettersToPost.filter((seq) => seq !== ev.data.letterSeq)
      break
    case 'closed':
      next.status = 'closed'
      next.outcome = ev.data.outcome
      next.closedAt = ev.at
      next.supplement = null
      break
    case 'reopened':
      next.status = backToQueue(next)
      next.outcome = null
      next.closedAt = null
      break
    case 'message':
      if (ev.data.direction === 'in') next.flags = withFlag(next.flags, { flag: 'message_received', reason: 'Medborgaren har skickat ett meddelande' }, ev.at)
      break
    case 'note':
      break
  }
  return finish(next, base)
}

/** Derived fields that depend on the whole state rather than on one event. */
function finish(s: CaseState, base: CaseBase): CaseState {
  const missing = Object.values(s.checks).filter((c) => !c.ok).map((c) => c.label)
  let flags = withoutFlags(s.flags, ['incomplete'])
  if (missing.length) flags = [...flags, { flag: 'incomplete', reason: `Saknas: ${missing.join(', ')}`, at: s.lastEventAt }]
  const dueAt =
    s.status === 'decided' || s.status === 'closed' ? null
    : s.status === 'waiting' && s.supplement ? endOfDay(s.supplement.dueDate, base.timeZone)
    : new Date(s.receivedAt.getTime() + base.handlingDays * DAY_MS)
  return { ...s, flags, dueAt }
}

export function foldEvents(base: CaseBase, events: readonly (CaseEvent | StoredEvent)[]): CaseState {
  return [...events].sort((a, b) => a.seq - b.seq).reduce((s, e) => applyEvent(s, e, base), initialState(base))
}

/** Whether the case is past its deadline at `now` — computed when asked, since time moves and the log does not. */
export const isLate = (s: Pick<CaseState, 'dueAt' | 'status'>, now: Date) =>
  s.dueAt !== null && OPEN_STATUSES.includes(s.status) && s.dueAt.getTime() < now.getTime()

const nameOf = (e: CaseEvent) => (e.actor.kind === 'staff' ? e.actor.name : e.actor.kind === 'citizen' ? (e.actor.name ?? 'Medborgaren') : 'Systemet')

/** 23:59:59.999 on `date` (YYYY-MM-DD) in `timeZone`, as an instant. */
export function endOfDay(date: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const guess = Date.UTC(y, m - 1, d, 23, 59, 59, 999)
  // The zone's offset at that moment, read back through Intl (handles summer time without a tz library).
  const parts = dateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
    .formatToParts(new Date(guess))
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value)
  const shown = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'), 999)
  return new Date(guess - (shown - guess))
}
