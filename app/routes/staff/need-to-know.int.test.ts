import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loader as attachmentLoader } from './attachment.ts'
import { loader as casePdfLoader } from './case-pdf.ts'
import { receiptPdf } from '../eservice/receipt.server.ts'
import { parkeringstillstand } from '#forms/parkeringstillstand/index.ts'
import { makeStaff, receiveCase } from '#tests/case-fixtures.ts'
import { freshDatabase } from '#tests/db.ts'
import { pdfText } from '#services/pdf/poppler.testing.ts'
import { receiveTrygghetslarm, SEVENTY } from '#tests/trygghetslarm-case.ts'
import { createSession } from '#services/auth/session.server.ts'
import { actorOf, loadScope, type StaffMember } from '#services/auth/teams.server.ts'
import type { Sql } from '#services/db/sql.server.ts'
import { appendEvent } from '#services/cases/append.server.ts'
import { openAttachment, openCase } from '#services/cases/case-view.server.ts'
import { searchCases } from '#services/cases/search.server.ts'
import { HIDDEN_ATTACHMENT } from '#services/cases/sensitive.ts'

let db: Sql
let drop: () => Promise<void>
const member = async (s: Awaited<ReturnType<typeof makeStaff>>): Promise<StaffMember> => ({ ...s, ...(await loadScope(s.id)) })
let social: StaffMember // handläggare on the trygghetslarm case's team
let teknik: StaffMember // handläggare on another team
let lead: StaffMember
let socialDept: StaffMember
let sbfDept: StaffMember
let larm: string
let fault: { id: string; number: string }
let proxy: string // the power of attorney on the trygghetslarm case: health data
let supplement: string // a file sent with a supplement on the same case

beforeAll(async () => {
  ;({ db, drop } = await freshDatabase())
  social = await member(await makeStaff('handlaggare', { teams: ['social'], name: 'Sara Social' }))
  teknik = await member(await makeStaff('handlaggare', { teams: ['teknik'], name: 'Tore Teknik' }))
  lead = await member(await makeStaff('teamledare', { name: 'Lena Ledare' }))
  socialDept = await member(await makeStaff('forvaltning', { department: 'socialforvaltningen' }))
  sbfDept = await member(await makeStaff('forvaltning', { department: 'samhallsbyggnad' }))
  larm = await receiveTrygghetslarm(SEVENTY)
  fault = await receiveCase({
    category: 'klotter', address: { street: 'Storgatan 1', postcode: '135 40', city: 'Tyresö' }, description: 'Klotter om diabetes på väggen',
  })
  const file = (fieldId: string, name: string) => db<{ id: string }[]>`
    insert into attachments (case_id, field_id, file_name, mime, size, sha256, bytes)
    values (${larm}, ${fieldId}, ${name}, 'application/pdf', 4, 'x', ${Buffer.from('%PDF')}) returning id`
  ;[{ id: proxy }] = (await file('powerOfAttorney', 'fullmakt-diabetes.pdf')) as unknown as [{ id: string }]
  ;[{ id: supplement }] = (await file('supplement:2', 'intyg.pdf')) as unknown as [{ id: string }]
})
afterAll(() => drop())

const ids = async (who: StaffMember, q: string) => (await searchCases(who, q)).hits.map((h) => h.id)

describe('search finds only what the searcher may open and see', () => {
  it('matches words in health answers only for the case’s team, a teamledare and an admin', async () => {
    expect(await ids(social, 'diabetes')).toEqual(expect.arrayContaining([larm]))
    expect(await ids(lead, 'diabetes')).toEqual(expect.arrayContaining([larm]))
    // Another team's handläggare finds the fault report (the word is in an ordinary answer) but not the applicant.
    expect(await ids(teknik, 'diabetes')).toEqual([fault.id])
    // Pets and door codes are sensitive too.
    expect(await ids(teknik, 'katt')).toEqual([])
    expect(await ids(teknik, '4711')).toEqual([])
    // The door code is encrypted at rest (ADR 019): no search finds it, not even for the case's own team.
    expect(await ids(social, '4711')).toEqual([])
  })

  it('still finds the case by its ordinary answers, but not by words typed together with a health word', async () => {
    expect(await ids(teknik, 'Testperson')).toEqual([larm])
    expect(await ids(teknik, SEVENTY)).toEqual([larm])
    expect(await ids(teknik, 'Testperson diabetes')).toEqual([])
    // For those who may see them, words from sensitive and ordinary answers combine.
    expect(await ids(social, 'Testperson diabetes')).toEqual([larm])
  })

  it('gives a förvaltning user only cases forwarded to their department, never by a health word', async () => {
    expect(await ids(socialDept, 'Testperson')).toEqual([])
    const [{ number }] = (await db`select number from cases where id = ${larm}`) as unknown as [{ number: string }]
    expect(await ids(socialDept, number)).toEqual([])
    const who = { kind: 'staff' as const, id: social.id, role: social.role, department: null }
    await appendEvent({ caseId: larm, expectedSeq: 1, event: { type: 'claimed', data: { assignee: { id: social.id, name: social.name } } }, actor: actorOf(social), who })
    await appendEvent({ caseId: larm, expectedSeq: 2, event: { type: 'forwarded', data: { department: 'socialforvaltningen', note: '' } }, actor: actorOf(social), who })
    expect(await ids(socialDept, 'Testperson')).toEqual([larm])
    expect(await ids(socialDept, number)).toEqual([larm])
    expect(await ids(socialDept, 'diabetes')).toEqual([])
    expect(await ids(sbfDept, 'Testperson')).toEqual([])
    expect(await ids(sbfDept, 'klotter')).toEqual([])
  })
})

describe('sensitive attachments', () => {
  const request = async (who: StaffMember, path: string) => {
    const { setCookie } = await createSession(new Request('http://x/'), 'staff', who.id)
    return new Request(`http://x${path}`, { headers: { cookie: setCookie.split(';')[0]! } })
  }
  const fetchFile = async (who: StaffMember, fileId: string) => {
    const params = { caseId: larm, attachmentId: fileId }
    try {
      const r = await attachmentLoader({ request: await request(who, `/servicecenter/arenden/${larm}/bilagor/${fileId}`), params, context: {} } as never)
      return r.status
    } catch (e) {
      return (e as { init?: { status?: number } }).init?.status
    }
  }

  it('answers 404 to another team’s handläggare and gives the file to the team and a teamledare', async () => {
    expect(await fetchFile(teknik, proxy)).toBe(404)
    expect(await fetchFile(teknik, supplement)).toBe(404)
    expect(await fetchFile(social, proxy)).toBe(200)
    expect(await fetchFile(lead, supplement)).toBe(200)
    expect(await openAttachment(teknik, larm, proxy)).toBeNull()
  })

  it('lists it on the case page without its name, and in the staff PDF by the neutral text', async () => {
    const seen = await openCase(teknik, larm, { audit: false })
    expect(seen!.attachments.map((a) => a.hidden)).toEqual([true, true])
    expect((await openCase(social, larm, { audit: false }))!.attachments.map((a) => a.hidden)).toEqual([false, false])

    const pdf = async (who: StaffMember) => {
      const r = await casePdfLoader({ request: await request(who, `/servicecenter/arenden/${larm}/kvitto.pdf`), params: { caseId: larm }, context: {} } as never)
      return pdfText(new Uint8Array(await r.arrayBuffer()))
    }
    // The trygghetslarm answers carry no file refs, so the PDF's summary is where the health answer shows.
    expect(await pdf(teknik)).not.toMatch(/Diabetes/)
    expect(await pdf(social)).toMatch(/Diabetes/)
  })

  it('lists a sensitive file in the PDF by the neutral text, for readers it is hidden from', async () => {
    const c = {
      id: larm, number: 'PARK-2026-000001', definition: parkeringstillstand, receivedAt: new Date(), completeness: null,
      answers: { certificate: [{ id: proxy, name: 'intyg-diabetes.pdf', mime: 'application/pdf', size: 2048 }] },
    }
    const hidden = pdfText(await receiptPdf(c, 'sv', ['health', 'code']))
    expect(hidden).not.toMatch(/intyg-diabetes/)
    expect(hidden.replace(/\s+/g, ' ')).toContain(HIDDEN_ATTACHMENT)
    expect(pdfText(await receiptPdf(c, 'sv', []))).toMatch(/intyg-diabetes\.pdf/)
  })
})
