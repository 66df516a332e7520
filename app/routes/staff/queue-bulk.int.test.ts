import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FAULT, makeStaff, receiveCase } from '#tests/case-fixtures.ts'
import { freshDatabase } from '#tests/db.ts'
import { createSession } from '#services/auth/session.server.ts'
import { actorOf, loadScope, whoOf, type StaffMember } from '#services/auth/teams.server.ts'
import { appendEvent } from '#services/cases/append.server.ts'
import { listQueue } from '#services/cases/queue.server.ts'
import type { Sql } from '#services/db/sql.server.ts'
import { action as queueAction, loader as queueLoader } from './queue.tsx'
import type { BulkActionData } from './queue-bulk.ts'

let db: Sql
let drop: () => Promise<void>
let anna: StaffMember
let bo: StaffMember
const CSRF = 'c'.repeat(43)
const member = async (s: Awaited<ReturnType<typeof makeStaff>>): Promise<StaffMember> => ({ ...s, ...(await loadScope(s.id)) })

beforeAll(async () => {
  ;({ db, drop } = await freshDatabase())
  anna = await member(await makeStaff('handlaggare', { teams: ['teknik'], name: 'Anna Handläggare' }))
  bo = await member(await makeStaff('teamledare', { teams: ['teknik'], name: 'Bo Teamledare' }))
})
afterAll(() => drop())

const cookieFor = async (m: StaffMember) => `${(await createSession(new Request('http://x/'), 'staff', m.id)).setCookie.split(';')[0]!}; csrf=${CSRF}`

/** The queue's bulk form as a browser posts it: the ticked rows as `<id>:<seq>`, the button's intent, the CSRF token. */
async function post(m: StaffMember, fields: [string, string][]) {
  const body = new URLSearchParams([['_csrf', CSRF], ...fields])
  const request = new Request('http://x/servicecenter?vy=mina', {
    method: 'POST', body, headers: { cookie: await cookieFor(m), 'content-type': 'application/x-www-form-urlencoded' },
  })
  try {
    const r = (await queueAction({ request, params: {}, context: {} } as never)) as unknown as { data: BulkActionData; init: { status?: number } | null }
    return { status: r.init?.status ?? 200, data: r.data }
  } catch (e) {
    if (e instanceof Response) return { status: e.status, data: undefined }
    return { status: (e as { init?: { status?: number } }).init?.status ?? 500, data: undefined }
  }
}

const ticked = (rows: { id: string; seq: number }[]): [string, string][] => rows.map((r) => ['arende', `${r.id}:${r.seq}`])
const mine = async (m: StaffMember) => (await listQueue({ member: m, view: 'mina', limit: 100 })).items

describe('bulk work in the queue', () => {
  it('closes 50 cases with one outcome, each with its own event, and reports the one someone changed meanwhile', async () => {
    const ids: string[] = []
    for (let i = 0; i < 50; i++) ids.push((await receiveCase()).id)
    // Anna takes all fifty from "Nya", as the queue showed them.
    const fresh = (await listQueue({ member: anna, view: 'nya', limit: 100 })).items.filter((c) => ids.includes(c.id))
    expect(fresh).toHaveLength(50)
    const claimed = await post(anna, [...ticked(fresh), ['intent', 'claim']])
    expect(claimed.status).toBe(200)
    expect(claimed.data?.result?.done).toHaveLength(50)

    // The list she then sees; while she reads it, her team lead adds a note to one of the cases.
    const shown = (await mine(anna)).filter((c) => ids.includes(c.id))
    expect(shown).toHaveLength(50)
    const changed = shown[17]!
    const note = await appendEvent({ caseId: changed.id, expectedSeq: changed.seq, event: { type: 'note', data: { text: 'Ring först.' } }, actor: actorOf(bo), who: whoOf(bo) })
    expect(note.kind).toBe('ok')

    const closed = await post(anna, [...ticked(shown), ['intent', 'close'], ['outcome', 'handled']])
    expect(closed.status).toBe(200)
    const r = closed.data!.result!
    expect(r.done).toHaveLength(49)
    expect(r.stale).toEqual([{ id: changed.id, number: changed.number }])
    expect(r.refused).toEqual([])
    expect(r.missing).toBe(0)

    // Each closed case got its own event by Anna; the changed one was left as it was, with Bo's note last.
    const events = await db<{ caseId: string; type: string; actor: { id: string }; data: { outcome?: string } }[]>`
      select case_id as "caseId", type, actor, data from case_events where case_id = any(${ids}::uuid[]) and type = 'closed'`
    expect(events).toHaveLength(49)
    expect(new Set(events.map((e) => e.caseId)).size).toBe(49)
    expect(events.every((e) => e.actor.id === anna.id && e.data.outcome === 'handled')).toBe(true)
    expect(events.some((e) => e.caseId === changed.id)).toBe(false)
    const [left] = await db<{ status: string; seq: number }[]>`select status, seq from case_state where case_id = ${changed.id}`
    expect(left).toEqual({ status: 'in_progress', seq: changed.seq + 1 })

    // Posting the same page again (a reload) changes nothing: every version it carries is now old.
    const again = await post(anna, [...ticked(shown), ['intent', 'close'], ['outcome', 'handled']])
    expect(again.data!.result!.done).toHaveLength(0)
    expect(again.data!.result!.stale).toHaveLength(50)
  })

  it('forwards cases to a förvaltning with one note, each with its own event, and leaves the one changed meanwhile', async () => {
    const ids: string[] = []
    for (let i = 0; i < 4; i++) ids.push((await receiveCase()).id)
    const fresh = (await listQueue({ member: anna, view: 'nya', limit: 100 })).items.filter((c) => ids.includes(c.id))
    expect((await post(anna, [...ticked(fresh.slice(0, 3)), ['intent', 'claim']])).data?.result?.done).toHaveLength(3)
    const shown = (await mine(anna)).filter((c) => ids.includes(c.id))
    expect(shown).toHaveLength(3)
    const changed = shown[1]!
    expect((await appendEvent({ caseId: changed.id, expectedSeq: changed.seq, event: { type: 'note', data: { text: 'Ring först.' } }, actor: actorOf(bo), who: whoOf(bo) })).kind).toBe('ok')
    // The fourth case is still new: nobody has taken it, so it cannot be forwarded.
    const untaken = fresh.find((c) => c.id === ids[3])!

    const note = 'Gäller gatubelysning, ert ansvar.'
    const r = await post(anna, [...ticked([...shown, untaken]), ['intent', 'forward'], ['department', 'samhallsbyggnad'], ['forwardNote', note]])
    expect(r.status).toBe(200)
    const result = r.data!.result!
    expect(result.done.map((l) => l.id).sort()).toEqual(shown.filter((c) => c.id !== changed.id).map((c) => c.id).sort())
    expect(result.stale).toEqual([{ id: changed.id, number: changed.number }])
    expect(result.refused).toEqual([{ id: untaken.id, number: untaken.number, reason: 'Ärendet måste vara under handläggning för att kunna vidarebefordras.' }])

    const events = await db<{ caseId: string; actor: { id: string }; data: { department: string; note: string } }[]>`
      select case_id as "caseId", actor, data from case_events where case_id = any(${ids}::uuid[]) and type = 'forwarded'`
    expect(events.map((e) => e.caseId).sort()).toEqual(result.done.map((l) => l.id).sort())
    expect(events.every((e) => e.actor.id === anna.id && e.data.department === 'samhallsbyggnad' && e.data.note === note)).toBe(true)
    const states = await db<{ caseId: string; status: string; forwardedTo: string | null }[]>`
      select case_id as "caseId", status, forwarded_to as "forwardedTo" from case_state where case_id = any(${ids}::uuid[])`
    const byId = new Map(states.map((s) => [s.caseId, s]))
    for (const l of result.done) expect(byId.get(l.id)).toMatchObject({ status: 'forwarded', forwardedTo: 'samhallsbyggnad' })
    expect(byId.get(changed.id)).toMatchObject({ status: 'in_progress', forwardedTo: null })
  })

  it('asks for the förvaltning and the note before forwarding anything, and keeps what was typed', async () => {
    const ours = await receiveCase()
    const noDept = await post(anna, [[`arende`, `${ours.id}:1`], ['intent', 'forward'], ['forwardNote', 'Till er.']])
    expect(noDept.status).toBe(400)
    expect(noDept.data!.errors).toEqual({ department: 'Välj vilken förvaltning ärendet ska till' })
    expect(noDept.data!.values.forwardNote).toBe('Till er.')
    expect(noDept.data!.ticked).toEqual([ours.id])
    const noNote = await post(anna, [[`arende`, `${ours.id}:1`], ['intent', 'forward'], ['department', 'samhallsbyggnad']])
    expect(noNote.data!.errors).toEqual({ forwardNote: 'Skriv vad förvaltningen behöver veta' })
    expect(noNote.data!.values.department).toBe('samhallsbyggnad')
    const [n] = await db<{ n: number }[]>`select count(*)::int as n from case_events where case_id = ${ours.id}`
    expect(n!.n).toBe(1)
  })

  it('refuses, case by case, what the rules do not allow, and names why', async () => {
    const ours = await receiveCase()
    const [shown] = (await listQueue({ member: anna, view: 'nya', limit: 100 })).items.filter((c) => c.id === ours.id)
    // A new case nobody has taken cannot be closed; moving cases to another team is for team leads.
    const r = await post(anna, [...ticked([shown!]), ['intent', 'close'], ['outcome', 'answered']])
    expect(r.data!.result!.refused).toEqual([{ id: ours.id, number: ours.number, reason: 'Ärendet kan inte avslutas i sitt nuvarande läge.' }])
    const notLead = await post(anna, [...ticked([shown!]), ['intent', 'reassign'], ['team', 'trafik']])
    expect(notLead.data!.result!.refused).toEqual([{ id: ours.id, number: ours.number, reason: 'Bara teamledare kan fördela om ärenden.' }])
    const moved = await post(bo, [...ticked([shown!]), ['intent', 'reassign'], ['team', 'trafik']])
    expect(moved.data!.result!.done).toHaveLength(1)
    const [state] = await db<{ team: string; status: string }[]>`select team, status from case_state where case_id = ${ours.id}`
    expect(state).toEqual({ team: 'trafik', status: 'new' })
  })

  it('answers a form without cases, outcome or team with messages beside the fields, and touches nothing', async () => {
    const none = await post(anna, [['intent', 'close'], ['outcome', 'handled']])
    expect(none.status).toBe(400)
    expect(none.data!.errors).toEqual({ arende: 'Markera minst ett ärende i listan' })
    const ours = await receiveCase()
    const noOutcome = await post(anna, [[`arende`, `${ours.id}:1`], ['intent', 'close']])
    expect(noOutcome.status).toBe(400)
    expect(noOutcome.data!.errors).toEqual({ outcome: 'Välj hur ärendet avslutas' })
    const noTeam = await post(bo, [[`arende`, `${ours.id}:1`], ['intent', 'reassign']])
    expect(noTeam.data!.errors).toEqual({ team: 'Välj vilket team ärendena ska flyttas till' })
    const [n] = await db<{ n: number }[]>`select count(*)::int as n from case_events where case_id = ${ours.id}`
    expect(n!.n).toBe(1)
  })

  it('answers malformed posts with 400 and a förvaltning user with 404', async () => {
    expect((await post(anna, [['arende', 'not-a-case'], ['intent', 'claim']])).status).toBe(400)
    expect((await post(anna, [['arende', `${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}:1`], ['intent', 'decide']])).status).toBe(400)
    const dept = await member(await makeStaff('forvaltning', { department: 'samhallsbyggnad' }))
    expect((await post(dept, [['intent', 'claim']])).status).toBe(404)
  })

  it('shows each case’s summary from its definition in the queue', async () => {
    const ours = await receiveCase({ ...FAULT, category: 'gatubelysning' })
    const request = new Request('http://x/servicecenter?vy=nya&sortera=nyast', { headers: { cookie: await cookieFor(anna) } })
    const d = await queueLoader({ request, params: {}, context: {} } as never)
    expect(d.cases.find((c) => c.id === ours.id)?.summary).toBe('Gatubelysning · Storgatan 1, 135 40 Tyresö')
  })
})
