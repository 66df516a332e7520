import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { nyinflyttad } from '#forms/nyinflyttad/index.ts'
import { CTX, FAULT, makeStaff } from '#tests/case-fixtures.ts'
import { freshDatabase } from '#tests/db.ts'
import { createSession } from '../auth/session.server.ts'
import { actorOf, loadScope } from '../auth/teams.server.ts'
import type { Sql } from '../db/sql.server.ts'
import { appendEvent } from './append.server.ts'
import { createDraft, saveDraftAnswers } from './drafts.server.ts'
import { listQueue } from './queue.server.ts'
import { receiveDraft } from './receive.server.ts'
import { parentOf, subCaseLines, subCasesOf } from './sub-cases.server.ts'
import { listMyCases } from './citizen-cases.server.ts'
import { felanmalan } from '#forms/felanmalan/index.ts'
import type { FormDefinition } from '#forms/kit/index.ts'

let db: Sql
let drop: () => Promise<void>
beforeAll(async () => ({ db, drop } = await freshDatabase()))
afterAll(() => drop())

const NEWCOMER = {
  services: ['library', 'preschool', 'waste'], preschoolChildren: 2, name: 'Sara Ny',
  address: { street: 'Bollmora allé 1', postcode: '135 81', city: 'Tyresö' }, moveInDate: '2026-12-15',
  email: 'sara@example.se', language: 'fi', adults: 2, children: [{ age: 3 }, { age: 5 }], consent: true,
}

async function draft(def: FormDefinition = nyinflyttad, answers: Record<string, unknown> = NEWCOMER) {
  const { session } = await createSession(new Request('http://x/'), 'visitor')
  const d = await createDraft(session.tokenHash, def)
  await saveDraftAnswers(d.id, answers)
  return { draftId: d.id, sessionHash: session.tokenHash, def, ctx: CTX }
}

async function received(input: Awaited<ReturnType<typeof draft>> & { applicant?: { personnummer: string; name: string } }) {
  const r = await receiveDraft(input)
  if (r.kind !== 'received') throw new Error(`not received: ${JSON.stringify(r)}`)
  return r
}

describe('a request that fans out (nyinflyttad)', () => {
  it('creates one linked sub-case per chosen service, each numbered, routed and in its team’s queue', async () => {
    const { case: parent } = await received(await draft())
    const subs = await db`
      select c.number, c.team, c.department, c.fan_out_id, c.answers, c.definition->'title'->>'sv' as title, s.status, s.team as queue_team
      from cases c join case_state s on s.case_id = c.id where c.parent_id = ${parent.id} order by c.number`
    expect(subs.map((s) => [s.fan_out_id, s.team, s.department, s.status, s.queue_team])).toEqual([
      ['library', 'bibliotek', 'kultur-fritid', 'new', 'bibliotek'],
      ['preschool', 'forskola', 'barn-utbildning', 'new', 'forskola'],
      ['waste', 'avfall', 'samhallsbyggnad', 'new', 'avfall'],
    ])
    for (const s of subs) expect(s.number).toMatch(/^NY-2026-\d{6}$/)
    expect(new Set([parent.number, ...subs.map((s) => s.number)]).size).toBe(4)
    expect(subs[0]!.title).toBe('Ny i kommunen: Lånekort')
    // Each team gets its pages only: the library sees no children, preschool does.
    expect(subs[0]!.answers).toEqual({ name: 'Sara Ny', address: NEWCOMER.address, moveInDate: '2026-12-15', email: 'sara@example.se', language: 'fi', consent: true })
    expect(subs[1]!.answers).toMatchObject({ preschoolChildren: 2, children: [{ age: 3 }, { age: 5 }] })
    expect(subs[1]!.answers).not.toHaveProperty('services')

    const [event] = await db`select e.type, e.actor, e.data from case_events e join cases c on c.id = e.case_id where c.fan_out_id = 'waste' and c.parent_id = ${parent.id}`
    expect(event).toMatchObject({ type: 'received', actor: { kind: 'system' }, data: { parent: { id: parent.id, number: parent.number }, fanOut: 'waste' } })
    // The citizen gets one receipt e-mail, for the request.
    const mails = await db`select case_id from outbox where payload->>'to' = 'sara@example.se'`
    expect(mails.map((m) => m.case_id)).toEqual([parent.id])

    const bibliotek = await makeStaff('handlaggare', { teams: ['bibliotek'] })
    const member = { ...bibliotek, ...(await loadScope(bibliotek.id)) }
    const queue = await listQueue({ member, view: 'nya', filters: { team: 'bibliotek' } })
    expect(queue.items.find((i) => i.number === subs[0]!.number)?.title.sv).toBe('Ny i kommunen: Lånekort')
  })

  it('lists the sub-cases of a parent in the definition’s order and names the parent of a sub-case', async () => {
    const { case: parent } = await received(await draft(nyinflyttad, { ...NEWCOMER, services: ['leisure', 'welcome'] }))
    const subs = await subCasesOf(db, parent.id)
    expect(subs.map((s) => [s.title.sv, s.team, s.department, s.status])).toEqual([
      ['Välkomstpaket', 'servicecenter', null, 'new'],
      ['Föreningar och fritid', 'forening', 'kultur-fritid', 'new'],
    ])
    expect(await parentOf(db, subs[1]!.id)).toMatchObject({ id: parent.id, number: parent.number, title: { sv: 'Ny i kommunen' } })
    expect(await parentOf(db, parent.id)).toBeNull()
  })

  it('gives the parts the request’s applicant, so Mina sidor lists them, and names who handles each', async () => {
    const applicant = { personnummer: '198606129933', name: 'Johan Testsson' }
    const { case: parent } = await received({ ...(await draft(nyinflyttad, { ...NEWCOMER, services: ['waste'] })), applicant })
    const mine = await listMyCases(applicant.personnummer)
    expect(mine.map((c) => c.title.sv).sort()).toEqual(['Ny i kommunen', 'Ny i kommunen: Abonnemang för sophämtning'])
    expect(await subCaseLines(db, parent.id, 'en')).toMatchObject([
      { title: 'Waste collection subscription', handledBy: 'Waste collection (Urban Planning and Development)', status: 'new' },
    ])
  })

  it('makes no extra sub-cases when the send is replayed or doubled', async () => {
    const input = await draft()
    const results = await Promise.all([receiveDraft(input), receiveDraft(input), receiveDraft(input)])
    const parents = new Set(results.map((r) => (r.kind === 'received' ? r.case.id : r.kind)))
    expect(parents.size).toBe(1)
    const [{ n }] = (await db`select count(*)::int as n from cases where parent_id = ${[...parents][0]!}`) as unknown as [{ n: number }]
    expect(n).toBe(3)
  })

  it('leaves a case without fan-out alone', async () => {
    const { case: c } = await received(await draft(felanmalan, FAULT))
    expect(await subCasesOf(db, c.id)).toEqual([])
  })

  it('lets a sub-case be claimed and closed like any case, and never re-links it', async () => {
    const { case: parent } = await received(await draft(nyinflyttad, { ...NEWCOMER, services: ['library'] }))
    const [sub] = await subCasesOf(db, parent.id)
    const anna = await makeStaff('handlaggare', { teams: ['bibliotek'] })
    const who = { kind: 'staff' as const, id: anna.id, role: anna.role, department: null }
    const claim = await appendEvent({ caseId: sub!.id, expectedSeq: 1, event: { type: 'claimed', data: { assignee: { id: anna.id, name: anna.name } } }, actor: actorOf(anna), who })
    expect(claim).toMatchObject({ kind: 'ok' })
    const close = await appendEvent({ caseId: sub!.id, expectedSeq: 2, event: { type: 'closed', data: { outcome: 'handled' } }, actor: actorOf(anna), who })
    expect(close).toMatchObject({ kind: 'ok' })
    expect((await subCasesOf(db, parent.id))[0]!.status).toBe('closed')
    // The parent is untouched by its sub-case's handling.
    const [p] = await db`select status from case_state where case_id = ${parent.id}`
    expect(p!.status).toBe('new')
    await expect(db`update cases set parent_id = null, fan_out_id = null where id = ${sub!.id}`).rejects.toThrow(/cannot change/)
  })
})
