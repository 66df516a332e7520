import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeStaff, receiveCase, ROUTINE } from '#tests/case-fixtures.ts'
import { freshDatabase } from '#tests/db.ts'
import { actorOf, loadScope, whoOf, type StaffMember } from '../auth/teams.server.ts'
import type { Staff } from '../auth/staff.server.ts'
import { appendEvent } from '../cases/append.server.ts'
import type { DecisionLetter, NewEvent } from '../cases/events.ts'
import type { Sql } from '../db/sql.server.ts'
import { pdfInfo, pdfText } from '../pdf/poppler.testing.ts'
import { markSent, pendingLetters, printPending } from './letters.server.ts'

let db: Sql
let drop: () => Promise<void>
let anna: StaffMember
let other: StaffMember
let lead: StaffMember

const member = async (s: Staff): Promise<StaffMember> => ({ ...s, ...(await loadScope(s.id)) })

beforeAll(async () => {
  ;({ db, drop } = await freshDatabase())
  anna = await member(await makeStaff('handlaggare', { teams: ['trafik'], name: 'Anna Andersson' }))
  other = await member(await makeStaff('handlaggare', { teams: ['teknik'], name: 'Otto Annat' }))
  lead = await member(await makeStaff('teamledare', { teams: ['teknik'], name: 'Tea Ledare' }))
})
afterAll(() => drop())

async function act(caseId: string, event: NewEvent, who: StaffMember = anna) {
  const [s] = await db<{ seq: number }[]>`select seq from case_state where case_id = ${caseId}`
  const r = await appendEvent({ caseId, expectedSeq: s!.seq, event, actor: actorOf(who), who: whoOf(who) })
  if (r.kind !== 'ok') throw new Error(`${event.type}: ${JSON.stringify(r)}`)
  return r
}

const ADDRESS = { street: 'Björkvägen 12', postcode: '135 40', city: 'Tyresö' }
const LETTER: DecisionLetter = {
  municipality: { name: 'Tyresö kommun', address: 'Marknadsvägen 2, 135 81 Tyresö', phone: '08-578 291 00', email: 'kommun@tyreso.se' },
  formTitle: ROUTINE.title, applicant: { name: 'Greta Persson' }, locale: 'sv', matter: ROUTINE.decision!.matter,
  legalGround: ROUTINE.decision!.legalGround, appealRoute: ROUTINE.decision!.appealRoute,
}

/** A routine case in team trafik, without e-mail, claimed by Anna. */
async function letterCase(name: string) {
  const c = await receiveCase({ name, address: ADDRESS, description: 'Braskamin' }, { def: ROUTINE })
  await act(c.id, { type: 'claimed', data: { assignee: { id: anna.id, name: anna.name } } })
  return c
}

describe('the post list (Att skicka med post)', () => {
  it('holds a letter from when it is asked for until it is printed and marked sent, and the case logs "Brev skickat med post"', async () => {
    const c = await letterCase('Greta Persson')
    const asked = await act(c.id, { type: 'supplement_requested', data: { items: [], message: 'Skicka sotarens intyg.', dueDate: '2099-01-31', delivery: 'letter' } })
    // Nothing went to the outbox: there is no e-mail address to send to.
    expect(await db`select 1 from outbox where case_id = ${c.id}`).toHaveLength(0)

    const pending = (await pendingLetters(anna)).filter((l) => l.caseId === c.id)
    expect(pending).toMatchObject([{ kind: 'supplement', number: c.number, eventSeq: asked.event.seq, printedAt: null,
      recipient: { name: 'Greta Persson', street: 'Björkvägen 12', postcode: '135 40', city: 'Tyresö' } }])

    const printed = await printPending(anna)
    const text = pdfText(printed!.bytes).replace(/\s+/g, ' ')
    expect(text).toContain('Greta Persson Björkvägen 12 135 40 TYRESÖ')
    expect(text).toContain('Skicka sotarens intyg.')
    expect(text).toContain(c.number)
    expect((await pendingLetters(anna)).find((l) => l.caseId === c.id)?.printedAt).toBeInstanceOf(Date)

    expect(await markSent(anna, [pending[0]!.key])).toEqual({ sent: [c.number], refused: [] })
    expect((await pendingLetters(anna)).some((l) => l.caseId === c.id)).toBe(false)
    const [sent] = await db<{ type: string; data: unknown; actor: { name: string } }[]>`
      select type, data, actor from case_events where case_id = ${c.id} order by seq desc limit 1`
    expect(sent).toMatchObject({ type: 'letter_sent', data: { letterSeq: asked.event.seq, kind: 'supplement' }, actor: { name: 'Anna Andersson' } })
    const [row] = await db`select sent_at, sent_by from postal_letters where case_id = ${c.id}`
    expect(row).toMatchObject({ sent_by: anna.id })
    expect(row!.sent_at).toBeInstanceOf(Date)
    // Marking it again does nothing: it is no longer on the list.
    expect(await markSent(anna, [pending[0]!.key])).toEqual({ sent: [], refused: [] })
  })

  it('prints several letters, a decision among them, as one PDF', async () => {
    const a = await letterCase('Olle Ek')
    await act(a.id, { type: 'decided', data: { decision: 'approved', reasons: 'Intyget visar att eldstaden är godkänd.', appealable: true, letter: LETTER, delivery: 'letter' } })
    const b = await letterCase('Stina Al')
    await act(b.id, { type: 'supplement_requested', data: { items: [], message: 'Vi behöver ett foto.', dueDate: '2099-01-31', delivery: 'letter' } })
    const printed = await printPending(anna)
    const numbers = printed!.letters.map((l) => l.number)
    expect(numbers).toEqual(expect.arrayContaining([a.number, b.number]))
    const text = pdfText(printed!.bytes).replace(/\s+/g, ' ')
    expect(text).toContain('Din ansökan om tillstånd för braskamin beviljas.')
    expect(text).toContain('Länsstyrelsen prövar överklagandet.')
    expect(text).toContain('Olle Ek Björkvägen 12')
    expect(text).toContain('Vi behöver ett foto.')
    expect(Number(pdfInfo(printed!.bytes).Pages)).toBeGreaterThanOrEqual(2)
    await markSent(anna, printed!.letters.map((l) => l.key))
  })

  it('shows a letter only to staff who may see its case’s content: its team, team leads and admins', async () => {
    const c = await letterCase('Karin Berg')
    await act(c.id, { type: 'supplement_requested', data: { items: [], message: 'Hälsouppgifter saknas.', dueDate: '2099-01-31', delivery: 'letter' } })
    expect((await pendingLetters(other)).some((l) => l.caseId === c.id)).toBe(false)
    expect(await printPending(other)).toBeNull()
    const key = (await pendingLetters(anna)).find((l) => l.caseId === c.id)!.key
    // Another team's handläggare cannot mark it sent either: the key is simply not theirs.
    expect(await markSent(other, [key])).toEqual({ sent: [], refused: [] })
    expect((await pendingLetters(lead)).some((l) => l.caseId === c.id)).toBe(true)
  })

  it('does not take a letter for a case without a postal address', async () => {
    const c = await receiveCase({ name: 'Utan Adress', description: 'Braskamin' }, { def: ROUTINE })
    await act(c.id, { type: 'claimed', data: { assignee: { id: anna.id, name: anna.name } } })
    await expect(act(c.id, { type: 'supplement_requested', data: { items: [], message: 'x', dueDate: '2099-01-31', delivery: 'letter' } }))
      .rejects.toThrow(/no postal address/)
    expect((await pendingLetters(anna)).some((l) => l.caseId === c.id)).toBe(false)
  })
})
