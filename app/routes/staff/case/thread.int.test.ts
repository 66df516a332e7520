import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { staffThread } from './thread.ts'
import { makeStaff, receiveCase, ROUTINE } from '#tests/case-fixtures.ts'
import { freshDatabase } from '#tests/db.ts'
import type { Staff } from '#services/auth/staff.server.ts'
import { actorOf } from '#services/auth/teams.server.ts'
import type { Sql } from '#services/db/sql.server.ts'
import { PNG_1PX } from '#tests/images.ts'
import { appendEvent } from '#services/cases/append.server.ts'
import { getMyCase } from '#services/cases/citizen-cases.server.ts'
import { citizenTimeline } from '#services/cases/citizen-timeline.ts'
import { sendCitizenMessage } from '#services/cases/citizen.server.ts'

let db: Sql
let drop: () => Promise<void>
let anna: Staff
beforeAll(async () => {
  ;({ db, drop } = await freshDatabase())
  anna = await makeStaff('handlaggare', { teams: ['trafik'], name: 'Anna Andersson' })
})
afterAll(() => drop())

const PNR = '198112189876'
const who = () => ({ kind: 'staff' as const, id: anna.id, role: 'handlaggare' as const, department: null })
const staffMessage = (caseId: string, text: string) =>
  appendEvent({ caseId, event: { type: 'message', data: { direction: 'out', text } }, actor: actorOf(anna), who: who() })
const flags = async (caseId: string) => (await db<{ flags: string[] }[]>`select flags from case_state where case_id = ${caseId}`)[0]!.flags
const applicationOfSven = () =>
  receiveCase({ name: 'Sven Svensson', email: 'sven@example.com', description: 'Braskamin i villan.' }, { def: ROUTINE, applicant: { personnummer: PNR, name: 'Sven Svensson' } })

describe('the message thread with the citizen', () => {
  it('takes the citizen’s message with a file, marks the case in the queue, and staff’s reply is e-mailed and clears the mark', async () => {
    const c = await applicationOfSven()
    expect((await staffMessage(c.id, 'Vilken adress gäller det?')).kind).toBe('ok')
    const [mail] = await db<{ payload: { to: string; subject: string; text: string } }[]>`select payload from outbox where case_id = ${c.id} and event_seq = 2`
    expect(mail!.payload.to).toBe('sven@example.com')
    expect(mail!.payload.text).toContain('Vilken adress gäller det?')

    const photo = new File([PNG_1PX], 'kaminen.png', { type: 'image/png' })
    expect(await sendCitizenMessage({ caseId: c.id, personnummer: PNR, name: 'Sven Svensson', text: 'Storgatan 1. Här är en bild.', files: [photo] }))
      .toEqual({ kind: 'ok' })
    expect(await flags(c.id)).toContain('message_received')
    const files = await db`select file_name, field_id, mime from attachments where case_id = ${c.id}`
    expect(files).toEqual([{ file_name: 'kaminen.png', field_id: 'message:3', mime: 'image/png' }])
    // The queue's flag filter finds it.
    expect(await db`select 1 from case_state where case_id = ${c.id} and flags @> ${['message_received']}::text[]`).toHaveLength(1)

    expect((await staffMessage(c.id, 'Tack, vi tittar på det.')).kind).toBe('ok')
    expect(await flags(c.id)).not.toContain('message_received')

    // Both sides show the same thread, in order.
    const mine = (await getMyCase(PNR, c.id))!
    const citizenSide = citizenTimeline(mine.events).messages
    expect(citizenSide.map((m) => (m.kind === 'message' ? [m.from, m.text] : m.kind))).toEqual([
      ['servicecenter', 'Vilken adress gäller det?'], ['you', 'Storgatan 1. Här är en bild.'], ['servicecenter', 'Tack, vi tittar på det.'],
    ])
    const [fileId] = (await db<{ id: string }[]>`select id from attachments where case_id = ${c.id}`).map((r) => r.id)
    expect(citizenSide[1]).toMatchObject({ attachments: [{ id: fileId, name: 'kaminen.png' }] })
    const staffSide = staffThread(mine.events, c.id)
    expect(staffSide.map((m) => [m.heading, m.text])).toEqual([
      ['Till medborgaren', 'Vilken adress gäller det?'], ['Från medborgaren', 'Storgatan 1. Här är en bild.'], ['Till medborgaren', 'Tack, vi tittar på det.'],
    ])
    expect(staffSide[1]!.files).toEqual([{ id: fileId, name: 'kaminen.png', href: `/servicecenter/arenden/${c.id}/bilagor/${fileId}` }])
  })

  it('refuses an empty message or a file that is not a document or a picture, in the citizen’s language, and stores nothing', async () => {
    const c = await applicationOfSven()
    expect(await sendCitizenMessage({ caseId: c.id, personnummer: PNR, text: '  ' })).toEqual({ kind: 'invalid', errors: { text: 'Skriv ditt meddelande' } })
    expect(await sendCitizenMessage({ caseId: c.id, personnummer: PNR, text: '', locale: 'en' })).toEqual({ kind: 'invalid', errors: { text: 'Write your message' } })
    const script = new File(['#!/bin/sh\necho hej\n'], 'bild.png', { type: 'image/png' })
    const r = await sendCitizenMessage({ caseId: c.id, personnummer: PNR, text: 'Se bilagan', files: [script] })
    expect(r).toMatchObject({ kind: 'invalid', errors: { files: expect.any(String) } })
    expect(await db`select 1 from attachments where case_id = ${c.id}`).toHaveLength(0)
    expect(await flags(c.id)).not.toContain('message_received')
  })

  it('answers only the applicant: another person’s message to the case is not found', async () => {
    const c = await applicationOfSven()
    expect(await sendCitizenMessage({ caseId: c.id, personnummer: '200306062381', text: 'Hej' })).toEqual({ kind: 'not-found' })
  })
})
