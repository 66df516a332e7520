import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDatabase } from '#tests/db.ts'
import { FAULT, makeStaff, receiveCase } from '#tests/case-fixtures.ts'
import type { Staff } from '../auth/staff.server.ts'
import { actorOf } from '../auth/teams.server.ts'
import type { Sql } from '../db/sql.server.ts'
import { appendEvent } from './append.server.ts'
import type { NewEvent } from './events.ts'
import type { Who } from './guards.ts'
import { rebuildState } from './projection.server.ts'

let db: Sql
let drop: () => Promise<void>
let anna: Staff
let bo: Staff
beforeAll(async () => {
  ;({ db, drop } = await freshDatabase())
  anna = await makeStaff('handlaggare', { teams: ['teknik'], name: 'Anna' })
  bo = await makeStaff('handlaggare', { teams: ['teknik'], name: 'Bo' })
})
afterAll(() => drop())

const who = (s: Staff): Who => ({ kind: 'staff', id: s.id, role: s.role, department: null })
const act = (s: Staff, caseId: string, expectedSeq: number | undefined, event: NewEvent) =>
  appendEvent({ caseId, expectedSeq, event, actor: actorOf(s), who: who(s) })
const stateRow = async (id: string) => (await db`select * from case_state where case_id = ${id}`)[0]!

describe('the case log and its projection', () => {
  it('gives a received case its state row and queues the receipt mail in the receiving transaction', async () => {
    const c = await receiveCase({ ...FAULT, wantsFeedback: true, email: 'medborgare@example.com' })
    expect(await stateRow(c.id)).toMatchObject({ seq: 1, status: 'new', team: 'teknik', assignee_id: null, form_id: 'felanmalan', channel: 'web' })
    const mails = await db`select payload->>'to' as to, payload->>'subject' as subject from outbox where case_id = ${c.id}`
    expect(mails).toEqual([{ to: 'medborgare@example.com', subject: `Vi har tagit emot ditt ärende ${c.number}` }])
    const anonymous = await receiveCase()
    expect(await db`select 1 from outbox where case_id = ${anonymous.id}`).toHaveLength(0)
  })

  it('lets one of two people claiming at once win; the other is told the case moved on', async () => {
    const c = await receiveCase()
    const results = await Promise.all([anna, bo].map((s) => act(s, c.id, 1, { type: 'claimed', data: { assignee: { id: s.id, name: s.name } } })))
    expect(results.map((r) => r.kind).sort()).toEqual(['ok', 'stale'])
    expect(results.find((r) => r.kind === 'stale')).toEqual({ kind: 'stale', seq: 2 })
    expect(await db`select seq, type from case_events where case_id = ${c.id} order by seq`).toEqual([{ seq: 1, type: 'received' }, { seq: 2, type: 'claimed' }])
  })

  it('refuses what the state does not allow, writing nothing', async () => {
    const c = await receiveCase()
    await act(anna, c.id, 1, { type: 'claimed', data: { assignee: { id: anna.id, name: 'Anna' } } })
    const r = await act(bo, c.id, 2, { type: 'forwarded', data: { department: 'samhallsbyggnad', note: '' } })
    expect(r).toEqual({ kind: 'refused', reason: 'Ärendet handläggs av Anna.' })
    expect((await stateRow(c.id)).seq).toBe(2)
  })

  it('keeps the projection equal to folding the whole log again', async () => {
    const c = await receiveCase()
    let seq = 1
    const steps: [Staff, NewEvent][] = [
      [anna, { type: 'claimed', data: { assignee: { id: anna.id, name: 'Anna' } } }],
      [anna, { type: 'note', data: { text: 'Ringde medborgaren' } }],
      [anna, { type: 'supplement_requested', data: { items: [{ id: 'photos', label: 'Foton' }], message: 'Skicka en bild', dueDate: '2026-12-10' } }],
      [anna, { type: 'closed', data: { outcome: 'answered' } }],
    ]
    for (const [s, e] of steps) {
      const r = await act(s, c.id, seq, e)
      expect(r.kind).toBe('ok')
      seq += 1
    }
    const before = await stateRow(c.id)
    expect(before).toMatchObject({ status: 'closed', outcome: 'answered', supplement_count: 1, assignee_id: anna.id, due_at: null })
    await db.begin((tx) => rebuildState(tx, c.id))
    expect(await stateRow(c.id)).toEqual(before)
  })

  it('refuses at commit an event written around the service, which would leave the queue wrong', async () => {
    const c = await receiveCase()
    await expect(db`insert into case_events (case_id, seq, type) values (${c.id}, 2, 'note')`).rejects.toThrow(/did not update case_state/)
  })

  it('records both the citizen and the staff member for a matter registered on their behalf', async () => {
    const c = await receiveCase(FAULT, { channel: 'phone', applicant: { personnummer: '198112189876', name: 'Sven Svensson' }, registeredBy: { id: anna.id, name: 'Anna' } })
    const [row] = await db`select c.channel, c.applicant, e.actor, e.data from cases c join case_events e on e.case_id = c.id where c.id = ${c.id}`
    expect(row).toMatchObject({
      channel: 'phone', applicant: { personnummer: '198112189876', name: 'Sven Svensson' },
      actor: { kind: 'staff', id: anna.id, name: 'Anna' }, data: { channel: 'phone', onBehalf: { id: anna.id, name: 'Anna' } },
    })
    expect((await stateRow(c.id)).channel).toBe('phone')
  })
})
