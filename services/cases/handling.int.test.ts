import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FAULT, makeStaff, receiveCase, ROUTINE } from '#tests/case-fixtures.ts'
import { freshDatabase } from '#tests/db.ts'
import type { Staff } from '../auth/staff.server.ts'
import { actorOf } from '../auth/teams.server.ts'
import type { Sql } from '../db/sql.server.ts'
import { PNG_1PX } from '#tests/images.ts'
import { pdfText } from '../pdf/poppler.testing.ts'
import { appendEvent } from './append.server.ts'
import { getMyCase } from './citizen-cases.server.ts'
import { answerSupplement, decisionLetter, sendCitizenMessage, supplementRequestsFor } from './citizen.server.ts'
import { citizenTimeline } from './citizen-timeline.ts'
import type { DecisionLetter, NewEvent } from './events.ts'

let db: Sql
let drop: () => Promise<void>
let anna: Staff
beforeAll(async () => {
  ;({ db, drop } = await freshDatabase())
  anna = await makeStaff('handlaggare', { teams: ['teknik', 'trafik'], name: 'Anna Andersson' })
})
afterAll(() => drop())

const PNR = '198112189876'
let seq = 0
async function act(caseId: string, event: NewEvent) {
  const [s] = await db<{ seq: number }[]>`select seq from case_state where case_id = ${caseId}`
  const r = await appendEvent({ caseId, expectedSeq: s!.seq, event, actor: actorOf(anna), who: { kind: 'staff', id: anna.id, role: 'handlaggare', department: null } })
  if (r.kind !== 'ok') throw new Error(`${event.type}: ${JSON.stringify(r)}`)
  seq = r.event.seq
  return r
}
/** The case as its applicant sees it on Mina sidor (app/routes/citizen/my-case.tsx), or null when it is not theirs. */
async function onMinaSidor(caseId: string, personnummer = PNR) {
  const c = await getMyCase(personnummer, caseId)
  return c && citizenTimeline(c.events)
}
const claim = (id: string) => act(id, { type: 'claimed', data: { assignee: { id: anna.id, name: anna.name } } })
const LETTER: DecisionLetter = {
  municipality: { name: 'Tyresö kommun', address: 'Marknadsvägen 2, 135 81 Tyresö', phone: '08-578 291 00', email: 'kommun@tyreso.se' },
  formTitle: ROUTINE.title, applicant: { name: 'Sven Svensson', personalNumber: PNR }, locale: 'sv', matter: ROUTINE.decision!.matter,
}

describe('a supplement round trip with the citizen', () => {
  it('asks, tells the citizen, takes their answer with a file, and marks the case for its handler', async () => {
    const c = await receiveCase({ ...FAULT, wantsFeedback: true, email: 'sven@example.com' }, { applicant: { personnummer: PNR, name: 'Sven Svensson' } })
    await claim(c.id)
    await act(c.id, { type: 'supplement_requested', data: { items: [{ id: 'file:photos', label: 'Bilaga: Foton' }], message: 'Skicka en bild på klottret.', dueDate: '2099-01-31' } })
    const request = seq
    const [mail] = await db`select payload from outbox where case_id = ${c.id} and event_seq = ${request}`
    expect(mail!.payload).toMatchObject({ to: 'sven@example.com', subject: `Vi behöver fler uppgifter i ärende ${c.number}` })
    expect(mail!.payload.text).toContain('Skicka en bild på klottret.')
    expect(await supplementRequestsFor(c.id)).toMatchObject([{ seq: request, open: true, late: false, dueDate: '2099-01-31', answer: null }])
    expect((await onMinaSidor(c.id))?.stage).toBe('waiting')

    const file = new File([PNG_1PX], 'klotter.png', { type: 'image/png' })
    expect(await answerSupplement({ caseId: c.id, personnummer: '200306062381', requestSeq: request, text: 'Här', files: [], locale: 'sv' })).toEqual({ kind: 'not-found' })
    expect(await answerSupplement({ caseId: c.id, personnummer: PNR, requestSeq: request, text: '', files: [], locale: 'sv' }))
      .toEqual({ kind: 'invalid', errors: { text: 'Skriv ditt svar eller bifoga en fil' } })
    expect(await answerSupplement({ caseId: c.id, personnummer: PNR, name: 'Sven Svensson', requestSeq: request, text: 'Här är bilden.', files: [file], locale: 'sv' }))
      .toEqual({ kind: 'ok' })

    const [state] = await db`select status, flags, assignee_id from case_state where case_id = ${c.id}`
    expect(state).toMatchObject({ status: 'in_progress', flags: ['supplement_received'], assignee_id: anna.id })
    const files = await db`select file_name, field_id, mime from attachments where case_id = ${c.id}`
    expect(files).toEqual([{ file_name: 'klotter.png', field_id: `supplement:${request + 1}`, mime: 'image/png' }])
    const [answer] = await supplementRequestsFor(c.id)
    expect(answer).toMatchObject({ open: false, answer: { text: 'Här är bilden.', attachments: [{ name: 'klotter.png' }] } })
    // Answering twice is refused: there is no open request any more.
    expect(await answerSupplement({ caseId: c.id, personnummer: PNR, requestSeq: request, text: 'Igen', files: [], locale: 'sv' }))
      .toMatchObject({ kind: 'refused' })
  })

  it('shows the citizen their case without internal notes, and takes their messages', async () => {
    const c = await receiveCase(FAULT, { applicant: { personnummer: PNR, name: 'Sven Svensson' } })
    await claim(c.id)
    await act(c.id, { type: 'note', data: { text: 'Hemlig intern anteckning' } })
    await act(c.id, { type: 'message', data: { direction: 'out', text: 'Vi åtgärdar detta i veckan.' } })
    expect(await sendCitizenMessage({ caseId: c.id, personnummer: PNR, text: 'Tack!' })).toEqual({ kind: 'ok' })
    const view = await onMinaSidor(c.id)
    expect(view).toMatchObject({ stage: 'handling', messages: [{ from: 'servicecenter', text: 'Vi åtgärdar detta i veckan.' }, { from: 'you', text: 'Tack!' }] })
    expect(JSON.stringify(view)).not.toContain('Hemlig')
    expect(await onMinaSidor(c.id, '200306062381')).toBeNull()
  })
})

describe('deciding a routine matter', () => {
  it('writes a decision letter with the municipality, the reasons and how to appeal', async () => {
    const c = await receiveCase({ name: 'Sven Svensson', description: 'Braskamin i villan' }, { def: ROUTINE, applicant: { personnummer: PNR, name: 'Sven Svensson' } })
    await claim(c.id)
    await act(c.id, { type: 'decided', data: { decision: 'denied', reasons: 'Sotarens intyg saknas trots begäran.', appealable: true, letter: LETTER } })
    const letter = await decisionLetter(c.id)
    const text = pdfText(letter!.bytes).replace(/\s+/g, ' ')
    expect(text).toContain('Tyresö kommun')
    expect(text).toContain(c.number)
    expect(text).toContain('Din ansökan om tillstånd för braskamin avslås.')
    expect(text).toContain('Sotarens intyg saknas trots begäran.')
    expect(text).toContain('Så överklagar du')
    expect(text).toContain('inom tre veckor')
    expect(text).toContain('19811218-9876')
    expect(text).toContain('Anna Andersson')
    expect((await onMinaSidor(c.id))?.messages).toContainEqual(expect.objectContaining({ kind: 'decision', decision: 'denied' }))
  })

  it('says plainly when a decision cannot be appealed, and refuses e-services that do not allow deciding', async () => {
    const c = await receiveCase({ name: 'X', description: 'Y' }, { def: { ...ROUTINE, decision: { byServicecenter: true, appealable: false } } })
    await claim(c.id)
    await act(c.id, { type: 'decided', data: { decision: 'approved', reasons: 'Uppfyller villkoren.', appealable: false, letter: LETTER } })
    const text = pdfText((await decisionLetter(c.id))!.bytes)
    expect(text).toContain('Beslutet kan inte överklagas.')
    expect(text).not.toContain('Så överklagar du')

    const fault = await receiveCase()
    await claim(fault.id)
    await expect(act(fault.id, { type: 'decided', data: { decision: 'approved', reasons: 'x', appealable: false, letter: LETTER } }))
      .rejects.toThrow(/får inte fatta beslut/)
    expect(await decisionLetter(fault.id)).toBeNull()
  })
})
