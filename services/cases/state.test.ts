import { describe, expect, it } from 'vitest'
import type { Actor, CaseEvent, NewEvent } from './events.ts'
import { refusal, type Who } from './guards.ts'
import { endOfDay, foldEvents, isLate, type CaseBase } from './state.ts'

const base: CaseBase = { receivedAt: new Date('2026-03-02T08:00:00Z'), team: 'teknik', handlingDays: 10, timeZone: 'Europe/Stockholm' }
const anna: Actor = { kind: 'staff', id: 'a', name: 'Anna' }
const bo: Actor = { kind: 'staff', id: 'b', name: 'Bo' }
const citizen: Actor = { kind: 'citizen' }

/** A log from (actor, event) pairs, one hour apart, after the received event. */
function log(...steps: [Actor, NewEvent][]): CaseEvent[] {
  const received: CaseEvent = { seq: 1, at: base.receivedAt, actor: citizen, type: 'received', data: { channel: 'web' } }
  return [received, ...steps.map(([actor, e], i): CaseEvent => ({ ...e, seq: i + 2, at: new Date(base.receivedAt.getTime() + (i + 1) * 3600_000), actor }))]
}
const fold = (...steps: [Actor, NewEvent][]) => foldEvents(base, log(...steps))

const claim = (p: { id: string; name: string }): NewEvent => ({ type: 'claimed', data: { assignee: p } })
const supplement: NewEvent = { type: 'supplement_requested', data: { items: [{ id: 'photo', label: 'Foto' }], message: 'Skicka ett foto', dueDate: '2026-03-20' } }

describe('folding a case log', () => {
  it('starts new, unassigned, with the handling deadline from the receipt', () => {
    const s = fold()
    expect(s).toMatchObject({ seq: 1, status: 'new', assignee: null, team: 'teknik', firstActionAt: null })
    expect(s.dueAt).toEqual(new Date('2026-03-12T08:00:00Z'))
  })

  it('claims, releases and reassigns, and records the first action', () => {
    expect(fold([anna, claim({ id: 'a', name: 'Anna' })])).toMatchObject({ status: 'in_progress', assignee: { id: 'a' } })
    const released = fold([anna, claim({ id: 'a', name: 'Anna' })], [anna, { type: 'released', data: {} }])
    expect(released).toMatchObject({ status: 'new', assignee: null, seq: 3 })
    expect(released.firstActionAt).toEqual(new Date('2026-03-02T09:00:00Z'))
    const moved = fold([anna, { type: 'reassigned', data: { assignee: { id: 'b', name: 'Bo' }, team: 'trafik' } }])
    expect(moved).toMatchObject({ status: 'in_progress', assignee: { id: 'b' }, team: 'trafik' })
  })

  it('waits for the citizen until the supplement arrives, then marks it and returns it to its handler', () => {
    const waiting = fold([anna, claim(anna as never)], [anna, supplement])
    expect(waiting).toMatchObject({ status: 'waiting', supplementCount: 1, supplement: { seq: 3, dueDate: '2026-03-20' } })
    // Due at the end of the day in Stockholm (CET, UTC+1 in March).
    expect(waiting.dueAt).toEqual(new Date('2026-03-20T22:59:59.999Z'))
    const answered = fold([anna, claim(anna as never)], [anna, supplement], [citizen, { type: 'supplement_received', data: { requestSeq: 3, text: 'Här', attachments: [] } }])
    expect(answered).toMatchObject({ status: 'in_progress', supplement: null, assignee: { id: 'a' } })
    expect(answered.flags.map((f) => f.flag)).toEqual(['supplement_received'])
    const dealt = fold([anna, claim(anna as never)], [anna, supplement], [citizen, { type: 'supplement_received', data: { requestSeq: 3, text: 'Här', attachments: [] } }],
      [anna, { type: 'closed', data: { outcome: 'handled' } }])
    expect(dealt.flags).toEqual([])
  })

  it('forwards to a department, which accepts or returns it with a comment', () => {
    const fwd = fold([anna, claim(anna as never)], [anna, { type: 'forwarded', data: { department: 'samhallsbyggnad', note: 'Till er' } }])
    expect(fwd).toMatchObject({ status: 'forwarded', forwardedTo: 'samhallsbyggnad', wasForwarded: true, acceptedBy: null })
    const returned = fold([anna, claim(anna as never)], [anna, { type: 'forwarded', data: { department: 'samhallsbyggnad', note: '' } }],
      [bo, { type: 'accepted', data: {} }], [bo, { type: 'returned', data: { comment: 'Inte vårt' } }])
    expect(returned).toMatchObject({ status: 'in_progress', forwardedTo: null, acceptedBy: null, wasForwarded: true })
    expect(returned.flags).toMatchObject([{ flag: 'returned', reason: 'Inte vårt' }])
  })

  it('decides, closes with an outcome and reopens; a closed case has no deadline', () => {
    const decided = fold([anna, claim(anna as never)], [anna, { type: 'decided', data: { decision: 'approved', reasons: 'Uppfyller villkoren', appealable: true, letter: {} as never } }])
    expect(decided).toMatchObject({ status: 'decided', decision: { decision: 'approved', seq: 3, by: 'Anna' }, dueAt: null })
    const closed = fold([anna, claim(anna as never)], [anna, { type: 'closed', data: { outcome: 'answered' } }])
    expect(closed).toMatchObject({ status: 'closed', outcome: 'answered', dueAt: null })
    const reopened = fold([anna, claim(anna as never)], [anna, { type: 'closed', data: { outcome: 'answered' } }], [bo, { type: 'reopened', data: { reason: 'Ny fråga' } }])
    expect(reopened).toMatchObject({ status: 'in_progress', outcome: null, closedAt: null })
  })

  it('flags with reasons: receipt findings, staff flags, and checks marked missing', () => {
    const log0 = log([anna, { type: 'flagged', data: { flag: 'urgent', reason: 'Fara' } }],
      [anna, { type: 'checked', data: { item: 'place', label: 'Platsen', ok: false } }])
    log0[0] = { ...log0[0]!, type: 'received', data: { flags: [{ flag: 'eligibility', reason: 'Under 65 år' }] } } as CaseEvent
    const s = foldEvents(base, log0)
    expect(s.flags.map((f) => [f.flag, f.reason])).toEqual([['eligibility', 'Under 65 år'], ['urgent', 'Fara'], ['incomplete', 'Saknas: Platsen']])
    const fixed = foldEvents(base, [...log0, { seq: 4, at: new Date(), actor: anna, type: 'checked', data: { item: 'place', label: 'Platsen', ok: true } }])
    expect(fixed.flags.map((f) => f.flag)).toEqual(['eligibility', 'urgent'])
    // "Ej aktuellt" is not missing either, and the state keeps the comment.
    const na = foldEvents(base, [...log0, { seq: 4, at: new Date(), actor: anna, type: 'checked', data: { item: 'place', label: 'Platsen', ok: true, notApplicable: true, comment: 'Privat mark' } }])
    expect(na.flags.map((f) => f.flag)).toEqual(['eligibility', 'urgent'])
    expect(na.checks.place).toMatchObject({ ok: true, notApplicable: true, comment: 'Privat mark', by: 'Anna' })
  })

  it('skips event types it does not know, but keeps counting', () => {
    const s = foldEvents(base, [...log(), { seq: 2, at: new Date(), actor: citizen, type: 'signed_later_version', data: {} }])
    expect(s).toMatchObject({ seq: 2, status: 'new' })
  })

  it('is late only while open and past its deadline', () => {
    const s = fold()
    expect(isLate(s, new Date('2026-03-11T00:00:00Z'))).toBe(false)
    expect(isLate(s, new Date('2026-03-13T00:00:00Z'))).toBe(true)
    expect(isLate({ ...s, status: 'closed' }, new Date('2026-03-13T00:00:00Z'))).toBe(false)
  })

  it('finds the end of a day in Stockholm in winter and summer', () => {
    expect(endOfDay('2026-01-15', 'Europe/Stockholm').toISOString()).toBe('2026-01-15T22:59:59.999Z')
    expect(endOfDay('2026-07-15', 'Europe/Stockholm').toISOString()).toBe('2026-07-15T21:59:59.999Z')
  })
})

describe('who may do what', () => {
  const handlaggare = (id: string): Who => ({ kind: 'staff', id, role: 'handlaggare', department: null })
  const lead: Who = { kind: 'staff', id: 'l', role: 'teamledare', department: null }
  const dept = (department: string): Who => ({ kind: 'staff', id: 'd', role: 'forvaltning', department })
  const opts = { decisionAllowed: false }
  const claimed = fold([anna, claim({ id: 'a', name: 'Anna' })])

  it('lets one person hold a case; others are told who has it', () => {
    expect(refusal(fold(), claim({ id: 'a', name: 'Anna' }), handlaggare('a'), opts)).toBeNull()
    expect(refusal(claimed, claim({ id: 'b', name: 'Bo' }), handlaggare('b'), opts)).toBe('Ärendet handläggs redan av Anna.')
    expect(refusal(claimed, supplement, handlaggare('b'), opts)).toBe('Ärendet handläggs av Anna.')
    expect(refusal(claimed, supplement, handlaggare('a'), opts)).toBeNull()
  })

  it('keeps reassigning to team leads and deciding to e-services that allow it', () => {
    const reassign: NewEvent = { type: 'reassigned', data: { assignee: null } }
    expect(refusal(claimed, reassign, handlaggare('a'), opts)).toMatch(/teamledare/)
    expect(refusal(claimed, reassign, lead, opts)).toBeNull()
    const decide: NewEvent = { type: 'decided', data: { decision: 'denied', reasons: 'x', appealable: true, letter: {} as never } }
    expect(refusal(claimed, decide, handlaggare('a'), opts)).toMatch(/får inte fatta beslut/)
    expect(refusal(claimed, decide, handlaggare('a'), { decisionAllowed: true })).toBeNull()
  })

  it('lets a department act only on cases forwarded to it, and nothing else', () => {
    const fwd = fold([anna, claim(anna as never)], [anna, { type: 'forwarded', data: { department: 'samhallsbyggnad', note: '' } }])
    expect(refusal(fwd, { type: 'accepted', data: {} }, dept('samhallsbyggnad'), opts)).toBeNull()
    expect(refusal(fwd, { type: 'accepted', data: {} }, dept('socialforvaltningen'), opts)).toMatch(/inte vidarebefordrat till din/)
    expect(refusal(fwd, { type: 'returned', data: { comment: 'x' } }, dept('samhallsbyggnad'), opts)).toBeNull()
    expect(refusal(fwd, { type: 'closed', data: { outcome: 'department', comment: 'Lagat' } }, dept('samhallsbyggnad'), opts)).toBeNull()
    expect(refusal(fwd, claim({ id: 'd', name: 'D' }), dept('samhallsbyggnad'), opts)).toMatch(/servicecenter/)
  })

  it('lets the citizen answer only the open supplement request', () => {
    const waiting = fold([anna, claim(anna as never)], [anna, supplement])
    const answer = (requestSeq: number): NewEvent => ({ type: 'supplement_received', data: { requestSeq, text: 'x', attachments: [] } })
    expect(refusal(waiting, answer(3), { kind: 'citizen' }, opts)).toBeNull()
    expect(refusal(waiting, answer(2), { kind: 'citizen' }, opts)).toMatch(/ersatts/)
    expect(refusal(claimed, answer(3), { kind: 'citizen' }, opts)).toMatch(/ingen begäran/)
    expect(refusal(claimed, { type: 'note', data: { text: 'x' } }, { kind: 'citizen' }, opts)).toMatch(/personal/)
  })
})
