import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FAULT, makeStaff, receiveCase, ROUTINE } from '#tests/case-fixtures.ts'
import { freshDatabase } from '#tests/db.ts'
import type { Staff } from '../auth/staff.server.ts'
import { actorOf, loadScope, whoOf, type StaffMember } from '../auth/teams.server.ts'
import type { Sql } from '../db/sql.server.ts'
import { sendDailyDigests } from '../jobs/daily-digest.server.ts'
import { appendEvent } from './append.server.ts'
import { openCase } from './case-view.server.ts'
import { sendCitizenMessage } from './citizen.server.ts'
import { otherCasesOf } from './citizen-history.server.ts'
import { closeAsDuplicate, duplicatesOf } from './duplicates.server.ts'
import type { DecisionLetter, NewEvent } from './events.ts'
import { countNeedsMe } from './needs-me.server.ts'
import { listQueue } from './queue.server.ts'
import { searchCases } from './search.server.ts'

let db: Sql
let drop: () => Promise<void>
beforeAll(async () => ({ db, drop } = await freshDatabase()))
afterAll(() => drop())

const member = async (s: Staff): Promise<StaffMember> => ({ ...s, ...(await loadScope(s.id)) })
const PNR = '198112189876'
const LETTER: DecisionLetter = {
  municipality: { name: 'Tyresö kommun', address: 'Marknadsvägen 2, 135 81 Tyresö', phone: '08-578 291 00', email: 'kommun@tyreso.se' },
  formTitle: ROUTINE.title, applicant: null, locale: 'sv',
}

async function act(m: StaffMember, caseId: string, event: NewEvent) {
  const [s] = await db<{ seq: number }[]>`select seq from case_state where case_id = ${caseId}`
  const r = await appendEvent({ caseId, expectedSeq: s!.seq, event, actor: actorOf(m), who: whoOf(m) })
  if (r.kind !== 'ok') throw new Error(`${event.type}: ${JSON.stringify(r)}`)
}
const claim = (m: StaffMember, id: string) => act(m, id, { type: 'claimed', data: { assignee: { id: m.id, name: m.name } } })
const mina = async (m: StaffMember) => (await listQueue({ member: m, view: 'mina', limit: 100 })).items
const mailsTo = (to: string) => db<{ subject: string; text: string; about: string }[]>`
  select payload->>'subject' as subject, payload->>'text' as text, payload->>'about' as about from outbox where payload->>'to' = ${to} order by id`

describe('Mina: everything that needs me', () => {
  it('holds my open cases, decided cases to close, and a citizen message on a decided or closed case until I look', async () => {
    const anna = await member(await makeStaff('handlaggare', { teams: ['trafik'] }))
    const bo = await member(await makeStaff('handlaggare', { teams: ['trafik'] }))
    const open = await receiveCase({ name: 'Öppen', description: 'x' }, { def: ROUTINE })
    const decided = await receiveCase({ name: 'Beslutad', description: 'x' }, { def: ROUTINE, applicant: { personnummer: PNR, name: 'Sven' } })
    await claim(anna, open.id)
    await claim(anna, decided.id)
    await act(anna, decided.id, { type: 'decided', data: { decision: 'approved', reasons: 'Uppfyller villkoren.', appealable: true, letter: LETTER } })
    expect((await mina(anna)).map((c) => c.id).sort()).toEqual([open.id, decided.id].sort())
    expect(await countNeedsMe(anna)).toBe(2)

    // Someone else closes it: it no longer needs Anna, until the citizen writes on it.
    const lead = await member(await makeStaff('teamledare', { teams: ['trafik'] }))
    await act(lead, decided.id, { type: 'reassigned', data: { assignee: { id: bo.id, name: bo.name } } })
    await act(bo, decided.id, { type: 'closed', data: { outcome: 'handled' } })
    expect((await mina(anna)).map((c) => c.id)).toEqual([open.id])
    expect(await countNeedsMe(anna)).toBe(1)

    expect(await sendCitizenMessage({ caseId: decided.id, personnummer: PNR, text: 'Jag har en fråga om beslutet.' })).toEqual({ kind: 'ok' })
    const after = await mina(anna)
    expect(after.map((c) => c.id).sort()).toEqual([open.id, decided.id].sort())
    expect(after.find((c) => c.id === decided.id)).toMatchObject({ status: 'closed', news: 'message' })
    expect(await countNeedsMe(anna)).toBe(2)
    // Bo closed it and the lead reassigned it: they handled it too.
    expect((await mina(bo)).map((c) => c.id)).toEqual([decided.id])
    expect((await mina(lead)).map((c) => c.id)).toEqual([decided.id])

    // Opening the case is looking at it: the message is seen.
    await openCase(anna, decided.id)
    expect((await mina(anna)).map((c) => c.id)).toEqual([open.id])
    expect(await countNeedsMe(anna)).toBe(1)
    expect((await mina(bo)).map((c) => c.id)).toEqual([decided.id])
  })

  it('marks a received supplement and a return from a department for the handler, not for staff who never handled it', async () => {
    const anna = await member(await makeStaff('handlaggare', { teams: ['teknik'] }))
    const other = await member(await makeStaff('handlaggare', { teams: ['teknik'] }))
    const dept = await member(await makeStaff('forvaltning', { department: 'samhallsbyggnad' }))
    const c = await receiveCase(FAULT)
    await claim(anna, c.id)
    await act(anna, c.id, { type: 'forwarded', data: { department: 'samhallsbyggnad', note: 'Er sak' } })
    await act(dept, c.id, { type: 'returned', data: { comment: 'Inte vår' } })
    expect((await mina(anna)).find((x) => x.id === c.id)).toMatchObject({ news: 'returned', status: 'in_progress' })
    expect(await mina(other)).toEqual([])
    expect(await countNeedsMe(other)).toBe(0)
    await openCase(anna, c.id)
    expect((await mina(anna)).find((x) => x.id === c.id)?.news).toBeNull()

    await act(anna, c.id, { type: 'supplement_requested', data: { items: [], message: 'Bild?', dueDate: '2099-01-01' } })
    const [s] = await db<{ seq: number }[]>`select seq from case_state where case_id = ${c.id}`
    const r = await appendEvent({
      caseId: c.id, event: { type: 'supplement_received', data: { requestSeq: s!.seq, text: 'Här', attachments: [] } }, actor: { kind: 'citizen' }, who: { kind: 'citizen' },
    })
    expect(r.kind).toBe('ok')
    expect((await mina(anna)).find((x) => x.id === c.id)?.news).toBe('supplement_received')
  })

  it('pages through my cases and the ones with news, merged in received order either way, each once (ADR 048)', async () => {
    const anna = await member(await makeStaff('handlaggare', { teams: ['trafik'] }))
    const bo = await member(await makeStaff('handlaggare', { teams: ['trafik'] }))
    const lead = await member(await makeStaff('teamledare', { teams: ['trafik'] }))
    const cases = []
    for (const n of [1, 2, 3, 4, 5, 6]) cases.push(await receiveCase({ name: `Ärende ${n}`, description: 'x' }, { def: ROUTINE, applicant: { personnummer: PNR, name: 'Sven' } }))
    for (const c of cases) await claim(anna, c.id)
    // Two and four go to Bo and then have a message Anna has not seen; six goes to Bo with nothing new.
    for (const c of [cases[1]!, cases[3]!, cases[5]!]) await act(lead, c.id, { type: 'reassigned', data: { assignee: { id: bo.id, name: bo.name } } })
    for (const c of [cases[1]!, cases[3]!]) expect(await sendCitizenMessage({ caseId: c.id, personnummer: PNR, text: 'En fråga.' })).toEqual({ kind: 'ok' })
    const needsAnna = cases.slice(0, 5).map((c) => c.id)

    const pages = async (sort: 'aldst' | 'nyast') => {
      const seen: string[][] = []
      let after: { key: string; id: string } | undefined
      do {
        const page = await listQueue({ member: anna, view: 'mina', sort, limit: 2, after })
        seen.push(page.items.map((c) => c.id))
        after = page.next
      } while (after)
      return seen
    }
    const [c1, c2, c3, c4, c5] = needsAnna
    expect(await pages('aldst')).toEqual([[c1, c2], [c3, c4], [c5]])
    expect(await pages('nyast')).toEqual([[c5, c4], [c3, c2], [c1]])
    // A filter applies to both walks; the cases with news say so.
    const filtered = (await listQueue({ member: anna, view: 'mina', filters: { status: 'in_progress' } })).items
    expect(filtered.map((c) => [c.id, c.news])).toEqual([[c1, null], [c2, 'message'], [c3, null], [c4, 'message'], [c5, null]])
    expect((await listQueue({ member: anna, view: 'mina', filters: { status: 'waiting' } })).items).toEqual([])
  })

  it('lists late cases under Försenade by working days', async () => {
    const anna = await member(await makeStaff('handlaggare', { teams: ['teknik'] }))
    const c = await receiveCase(FAULT)
    await claim(anna, c.id)
    expect((await listQueue({ member: anna, view: 'forsenade', limit: 200 })).items.map((x) => x.id)).not.toContain(c.id)
    // Due in the past (a supplement's last day long gone): late, and in the view.
    await act(anna, c.id, { type: 'supplement_requested', data: { items: [], message: 'x', dueDate: '2020-01-01' } })
    const late = (await listQueue({ member: anna, view: 'forsenade', limit: 200 })).items
    expect(late.find((x) => x.id === c.id)).toMatchObject({ late: true })
  })
})

describe('search by phone number', () => {
  it('finds a phone number written in any common format, only in cases the searcher may open', async () => {
    const anna = await member(await makeStaff('handlaggare', { teams: ['teknik'] }))
    const dept = await member(await makeStaff('forvaltning', { department: 'socialforvaltningen' }))
    const c = await receiveCase({ ...FAULT, wantsFeedback: true, phone: '070-444 55 66' })
    for (const q of ['070-444 55 66', '0704445566', '+46704445566', '+46 70 444 55 66', '070 444 55 66', '0046704445566']) {
      const r = await searchCases(anna, q)
      expect({ q, kind: r.kind, ids: r.hits.map((h) => h.id) }).toEqual({ q, kind: 'phone', ids: [c.id] })
    }
    expect((await searchCases(anna, '0704445567')).hits).toEqual([])
    expect((await searchCases(dept, '0704445566')).hits).toEqual([])
  })
})

describe("a citizen's other cases", () => {
  it('lists cases with the same personnummer, e-mail or fault address, only those the viewer may open', async () => {
    const anna = await member(await makeStaff('handlaggare', { teams: ['teknik'] }))
    const dept = await member(await makeStaff('forvaltning', { department: 'samhallsbyggnad' }))
    const email = `sara-${Date.now()}@example.com`
    const street = `Granängsringen ${Date.now() % 1000}`
    const first = await receiveCase({ ...FAULT, address: { street, postcode: '135 40', city: 'Tyresö' }, wantsFeedback: true, email })
    const sameMail = await receiveCase({ name: 'Sara', email: email.toUpperCase(), description: 'Annat ärende' }, { def: ROUTINE })
    const samePlace = await receiveCase({ ...FAULT, address: { street: street.toLowerCase(), postcode: '13540', city: 'Tyresö' } })
    const samePerson = await receiveCase({ name: 'Sara', description: 'x' }, { def: ROUTINE, applicant: { personnummer: '194001019999', name: 'Sara' } })
    const samePerson2 = await receiveCase({ name: 'Sara', description: 'y' }, { def: ROUTINE, applicant: { personnummer: '194001019999', name: 'Sara' } })
    const unrelated = await receiveCase({ ...FAULT, wantsFeedback: true, email: 'annan@example.com' })

    const others = await otherCasesOf(anna, first.id)
    expect(others.map((o) => [o.id, o.via]).sort()).toEqual([[sameMail.id, ['email']], [samePlace.id, ['address']]].sort())
    expect(others.map((o) => o.id)).not.toContain(unrelated.id)
    expect((await otherCasesOf(anna, samePerson.id)).map((o) => [o.id, o.via])).toEqual([[samePerson2.id, ['personnummer']]])
    // A routine application at a fault's address is not the same place: addresses link fault reports only.
    expect((await otherCasesOf(anna, sameMail.id)).map((o) => o.id)).toEqual([first.id])

    // Need-to-know: a department sees only the cases forwarded to it.
    expect(await otherCasesOf(dept, first.id)).toEqual([])
    await claim(anna, samePlace.id)
    await act(anna, samePlace.id, { type: 'forwarded', data: { department: 'samhallsbyggnad', note: 'Er sak' } })
    expect((await otherCasesOf(dept, first.id)).map((o) => o.id)).toEqual([samePlace.id])
  })
})

describe('duplicates', () => {
  it('closes a case as a duplicate, tells its reporter, lists it on the primary, and tells both reporters when the primary is closed', async () => {
    const anna = await member(await makeStaff('handlaggare', { teams: ['teknik'] }))
    const primaryMail = `forst-${Date.now()}@example.com`
    const dupMail = `sen-${Date.now()}@example.com`
    const primary = await receiveCase({ ...FAULT, wantsFeedback: true, email: primaryMail })
    const dup = await receiveCase({ ...FAULT, wantsFeedback: true, email: dupMail })
    const [p] = await db<{ number: string }[]>`select number from cases where id = ${primary.id}`
    await claim(anna, dup.id)
    const seq = async (id: string) => (await db<{ seq: number }[]>`select seq from case_state where case_id = ${id}`)[0]!.seq

    expect(await closeAsDuplicate(anna, dup.id, await seq(dup.id), '', '')).toMatchObject({ kind: 'invalid' })
    expect(await closeAsDuplicate(anna, dup.id, await seq(dup.id), 'FEL-1999-999999', '')).toMatchObject({ kind: 'invalid', message: expect.stringContaining('FEL-1999-999999') })
    expect(await closeAsDuplicate(anna, dup.id, await seq(dup.id), dup.number, '')).toMatchObject({ kind: 'invalid', message: expect.stringContaining('sig självt') })
    expect(await closeAsDuplicate(anna, dup.id, await seq(dup.id), p!.number.toLowerCase(), 'Samma lampa')).toMatchObject({ kind: 'ok' })

    expect(await duplicatesOf(db, primary.id)).toEqual([{ id: dup.id, number: dup.number }])
    const told = await mailsTo(dupMail)
    expect(told.at(-1)).toMatchObject({ about: 'duplicate', subject: expect.stringContaining(p!.number) })
    expect(told.at(-1)!.text).toContain(`ärende ${p!.number}`)

    await claim(anna, primary.id)
    await act(anna, primary.id, { type: 'closed', data: { outcome: 'handled' } })
    expect((await mailsTo(primaryMail)).at(-1)).toMatchObject({ about: 'closed' })
    const last = (await mailsTo(dupMail)).at(-1)!
    expect(last).toMatchObject({ about: 'primary_done', subject: `Ärende ${p!.number} är klart` })
    expect(last.text).toContain(dup.number)
  })
})

describe("the team lead's daily digest", () => {
  it('mails each team lead their teams\u2019 late and due-today cases once a working day, through the outbox', async () => {
    const lead = await member(await makeStaff('teamledare', { teams: ['forening'], name: 'Lisa Ledare' }))
    const elsewhere = await member(await makeStaff('teamledare', { teams: ['social'] }))
    const c = await receiveCase({ name: 'Sen', description: 'x' }, { def: { ...ROUTINE, routing: { team: 'forening' }, handlingDays: 1 } })
    const [row] = await db<{ number: string; receivedAt: Date }[]>`select number, received_at as "receivedAt" from cases where id = ${c.id}`
    // A working-day morning well after the deadline (Tuesday 2099-03-10 09:00 in Stockholm).
    const morning = new Date('2099-03-10T08:00:00Z')
    expect(row!.receivedAt < morning).toBe(true)
    expect(await sendDailyDigests(new Date('2099-03-10T04:00:00Z'))).toBe(0) // 05:00: not yet
    expect(await sendDailyDigests(new Date('2099-03-08T09:00:00Z'))).toBe(0) // a Sunday
    const sent = await sendDailyDigests(morning)
    expect(sent).toBeGreaterThanOrEqual(1)
    const [mail] = await mailsTo(lead.email)
    expect(mail).toMatchObject({ about: 'digest', subject: expect.stringContaining('Försenade') })
    expect(mail!.text).toMatch(new RegExp(`Försenade \\(\\d+\\):[\\s\\S]*${row!.number}`))
    expect(mail!.text).toContain('dagar sen')
    expect((await mailsTo(elsewhere.email)).map((m) => m.text).join()).not.toContain(row!.number)
    // Once a day, however many processes run the job.
    expect(await sendDailyDigests(new Date('2099-03-10T10:00:00Z'))).toBe(0)
    expect(await mailsTo(lead.email)).toHaveLength(1)
  })
})
