import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FAULT, makeStaff, receiveCase, ROUTINE } from '#tests/case-fixtures.ts'
import { freshDatabase } from '#tests/db.ts'
import type { Staff } from '../auth/staff.server.ts'
import { actorOf, loadScope, type StaffMember } from '../auth/teams.server.ts'
import type { Sql } from '../db/sql.server.ts'
import { appendEvent } from './append.server.ts'
import { maySee } from './case-view.server.ts'
import { listQueue, takeNext, type Cursor } from './queue.server.ts'
import type { QueueView } from './queue-views.ts'

let db: Sql
let drop: () => Promise<void>
beforeAll(async () => ({ db, drop } = await freshDatabase()))
afterAll(() => drop())

const member = async (s: Staff): Promise<StaffMember> => ({ ...s, ...(await loadScope(s.id)) })

describe('the queue', () => {
  it('pages through a view with keyset pagination, every case once, in order', async () => {
    const lead = await member(await makeStaff('teamledare', { teams: ['teknik'] }))
    for (let i = 0; i < 23; i++) await receiveCase({ ...FAULT, description: `Fel nummer ${i} på gatan` })
    for (const sort of ['aldst', 'nyast', 'frist'] as const) {
      const seen: string[] = []
      let after: Cursor | undefined
      for (let page = 0; page < 10; page++) {
        const r = await listQueue({ member: lead, view: 'alla', sort, after, limit: 5 })
        seen.push(...r.items.map((c) => c.id))
        if (!r.next) break
        after = r.next
      }
      expect(new Set(seen).size).toBe(seen.length)
      const [{ n }] = (await db`select count(*)::int as n from cases`) as unknown as [{ n: number }]
      expect(seen).toHaveLength(n)
    }
    const newest = await listQueue({ member: lead, view: 'alla', sort: 'nyast', limit: 3 })
    const times = newest.items.map((c) => c.receivedAt.getTime())
    expect([...times].sort((a, b) => b - a)).toEqual(times)
  })

  it('puts each case in the views its state says, and filters by e-service, team, channel and flag', async () => {
    const anna = await member(await makeStaff('handlaggare', { teams: ['forening'] }))
    const who = { kind: 'staff' as const, id: anna.id, role: anna.role, department: null }
    const c = await receiveCase({ name: 'Filtrerad', description: 'Kön' }, { def: { ...ROUTINE, routing: { team: 'forening' } }, channel: 'letter' })
    const ids = async (view: QueueView, filters = {}) => (await listQueue({ member: anna, view, filters, limit: 200 })).items.map((i) => i.id)
    expect(await ids('nya')).toContain(c.id)
    expect(await ids('nya', { channel: 'letter', team: 'forening', formId: 'provtjanst' })).toEqual([c.id])
    expect(await ids('nya', { channel: 'phone' })).not.toContain(c.id)
    await appendEvent({ caseId: c.id, expectedSeq: 1, event: { type: 'claimed', data: { assignee: { id: anna.id, name: anna.name } } }, actor: actorOf(anna), who })
    expect(await ids('nya')).not.toContain(c.id)
    expect(await ids('mina')).toEqual([c.id])
    await appendEvent({ caseId: c.id, expectedSeq: 2, event: { type: 'flagged', data: { flag: 'urgent', reason: 'Brådskar' } }, actor: actorOf(anna), who })
    expect(await ids('alla', { flag: 'urgent' })).toEqual([c.id])
    await appendEvent({ caseId: c.id, expectedSeq: 3, event: { type: 'supplement_requested', data: { items: [], message: 'x', dueDate: '2020-01-01' } }, actor: actorOf(anna), who })
    expect(await ids('vantar')).toContain(c.id)
    // The deadline passed long ago: it is late, computed when asked.
    expect(await ids('alla', { flag: 'late' })).toContain(c.id)
    expect((await listQueue({ member: anna, view: 'mina' })).items[0]).toMatchObject({ id: c.id, late: true, status: 'waiting' })
  })

  it('shows a department only the cases forwarded to it; others are not found', async () => {
    const anna = await member(await makeStaff('handlaggare', { teams: ['teknik'] }))
    const sbf = await member(await makeStaff('forvaltning', { department: 'samhallsbyggnad' }))
    const soc = await member(await makeStaff('forvaltning', { department: 'socialforvaltningen' }))
    const c = await receiveCase()
    const who = { kind: 'staff' as const, id: anna.id, role: anna.role, department: null }
    expect(await maySee(sbf, c.id)).toBe(false)
    await appendEvent({ caseId: c.id, expectedSeq: 1, event: { type: 'claimed', data: { assignee: { id: anna.id, name: anna.name } } }, actor: actorOf(anna), who })
    await appendEvent({ caseId: c.id, expectedSeq: 2, event: { type: 'forwarded', data: { department: 'samhallsbyggnad', note: 'Till er' } }, actor: actorOf(anna), who })
    expect(await maySee(sbf, c.id)).toBe(true)
    expect(await maySee(soc, c.id)).toBe(false)
    expect((await listQueue({ member: sbf, view: 'nya' })).items.map((i) => i.id)).toEqual([c.id])
    expect((await listQueue({ member: soc, view: 'alla' })).items).toEqual([])
    // Whatever view a department asks for, it never sees beyond its own department.
    expect((await listQueue({ member: soc, view: 'beslutade' })).items).toEqual([])
  })
})

describe('take next', () => {
  it('gives people pressing at the same moment different cases, oldest first, never two the same', async () => {
    const team = 'social'
    const cases = []
    for (let i = 0; i < 4; i++) cases.push(await receiveCase({ name: `N${i}`, description: 'x' }, { def: { ...ROUTINE, routing: { team } } }))
    const people = await Promise.all(Array.from({ length: 7 }, async () => member(await makeStaff('handlaggare', { teams: [team] }))))
    const results = await Promise.all(people.map((p) => takeNext(p)))
    const taken = results.filter((r) => r.kind === 'taken').map((r) => (r.kind === 'taken' ? r.caseId : ''))
    expect(taken.sort()).toEqual(cases.map((c) => c.id).sort())
    expect(results.filter((r) => r.kind === 'none')).toHaveLength(3)
    const owners = await db`select assignee_id from case_state where case_id in ${db(taken)}`
    expect(new Set(owners.map((o) => o.assignee_id)).size).toBe(4)
  })

  it('takes from the member’s own teams only, and says so when they have none', async () => {
    const loner = await member(await makeStaff('handlaggare', { teams: [] }))
    expect(await takeNext(loner)).toEqual({ kind: 'no-teams' })
    const other = await member(await makeStaff('handlaggare', { teams: ['trafik'] }))
    await receiveCase({ name: 'x', description: 'y' }, { def: { ...ROUTINE, routing: { team: 'forening' } } })
    const [before] = await db`select count(*)::int as n from case_state where status = 'new' and team = 'trafik'`
    const r = await takeNext(other)
    if (before!.n === 0) expect(r).toEqual({ kind: 'none' })
    else expect(r.kind).toBe('taken')
  })
})
