import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { felanmalan } from '#forms/felanmalan/index.ts'
import { FAULT, makeStaff, receiveCase } from '#tests/case-fixtures.ts'
import { freshDatabase } from '#tests/db.ts'
import { extractDocument } from './extract-document.server.ts'
import { audit, auditCitizen } from '#services/audit/audit.server.ts'
import { createSession } from '#services/auth/session.server.ts'
import type { Staff } from '#services/auth/staff.server.ts'
import { actorOf } from '#services/auth/teams.server.ts'
import { appendEvent } from '#services/cases/append.server.ts'
import { sendCitizenMessage } from '#services/cases/citizen.server.ts'
import { createDraft, saveDraftAnswers } from '#services/cases/drafts.server.ts'
import { draftHousekeeping } from '#services/drafts/housekeeping.server.ts'
import type { NewEvent } from '#services/cases/events.ts'
import type { Sql } from '#services/db/sql.server.ts'
import { pdfText } from '#services/pdf/poppler.testing.ts'
import { renderRegisterExtractPdf } from '#services/pdf/register-extract.server.ts'
import { collectRegisterExtract } from '#services/extract/collect.server.ts'
import { withoutStaffNames, type RegisterExtract } from '#services/extract/types.ts'

const SVEN = '198112189876'
const OLGA = '198606129933'
const MALLE = '199001022389'

let db: Sql
let drop: () => Promise<void>
let anna: Staff
let bo: Staff
let svensCase: { id: string; number: string }
let olgasCase: { id: string; number: string }
let extract: RegisterExtract

async function staffAct(caseId: string, who: Staff, event: NewEvent) {
  const [s] = await db<{ seq: number }[]>`select seq from case_state where case_id = ${caseId}`
  const r = await appendEvent({ caseId, expectedSeq: s!.seq, event, actor: actorOf(who), who: { kind: 'staff', id: who.id, role: who.role, department: null } })
  if (r.kind !== 'ok') throw new Error(`${event.type}: ${JSON.stringify(r)}`)
}

async function ownedDraft(personnummer: string, description: string, email?: string) {
  const { session } = await createSession(new Request('http://x/'), 'visitor')
  const draft = await createDraft(session.tokenHash, felanmalan)
  await saveDraftAnswers(draft.id, { category: 'gatubelysning', description, ...(email ? { email } : {}) })
  await db`update drafts set owner_personnummer = ${personnummer} where id = ${draft.id}`
  return draft.id
}

/** Two people with the same kinds of data; every extract must hold one of them only. */
beforeAll(async () => {
  ;({ db, drop } = await freshDatabase())
  anna = await makeStaff('handlaggare', { teams: ['teknik'], name: 'Anna Andersson' })
  bo = await makeStaff('teamledare', { teams: ['teknik'], name: 'Bo Berg' })

  // Sven files at the library's kiosk with Anna's help; Anna takes it and writes to him; he answers.
  svensCase = await receiveCase({ ...FAULT, wantsFeedback: true, email: 'sven@example.com' }, {
    applicant: { personnummer: SVEN, name: 'Sven Svensson' }, channel: 'kiosk', location: 'strand', assistedBy: { id: anna.id, name: anna.name },
  })
  await staffAct(svensCase.id, anna, { type: 'claimed', data: { assignee: { id: anna.id, name: anna.name } } })
  await staffAct(svensCase.id, anna, { type: 'message', data: { direction: 'out', text: 'Vi har beställt sanering av klottret.' } })
  await staffAct(svensCase.id, anna, { type: 'note', data: { text: 'Intern: ring entreprenören' } })
  expect(await sendCitizenMessage({ caseId: svensCase.id, personnummer: SVEN, name: 'Sven Svensson', text: 'Tack, när blir det klart?' })).toMatchObject({ kind: 'ok' })
  await audit(bo.id, 'case.view', { caseId: svensCase.id })
  await audit(bo.id, 'search.personnummer', { details: { kind: 'personnummer', q: SVEN } })
  await ownedDraft(SVEN, 'Trasig lampa vid Svens port')

  olgasCase = await receiveCase({ ...FAULT, description: 'Olgas eget ärende om en bänk', email: 'olga@example.com', wantsFeedback: true }, {
    applicant: { personnummer: OLGA, name: 'Olga Olsson' },
  })
  await staffAct(olgasCase.id, bo, { type: 'message', data: { direction: 'out', text: 'Hej Olga, bänken lagas.' } })
  await audit(anna.id, 'case.view', { caseId: olgasCase.id })
  await audit(anna.id, 'search.personnummer', { details: { kind: 'personnummer', q: OLGA } })
  await auditCitizen('register.extract.self', OLGA)
  await ownedDraft(OLGA, 'Olgas utkast om snöröjning')

  extract = await collectRegisterExtract(SVEN)
})
afterAll(() => drop())

describe('a register extract for a personnummer', () => {
  it('lists the person’s case with its log, messages and staff, their draft, the kiosk visit and who opened the data', () => {
    expect(extract.cases.map((c) => c.number)).toEqual([svensCase.number])
    const c = extract.cases[0]!
    expect(c.answers).toMatchObject({ email: 'sven@example.com', description: FAULT.description })
    expect(c.events.map((e) => e.type)).toEqual(['received', 'claimed', 'message', 'note', 'message'])
    expect(c.events.filter((e) => e.type === 'message').map((e) => e.data.text)).toEqual(['Vi har beställt sanering av klottret.', 'Tack, när blir det klart?'])
    expect(c.handledBy).toEqual([{ name: 'Anna Andersson', role: 'handlaggare' }])

    expect(extract.drafts.map((d) => d.answers.description)).toEqual(['Trasig lampa vid Svens port'])
    expect(extract.kioskVisits).toEqual([{ caseNumber: svensCase.number, at: c.receivedAt, location: 'strand', assistedBy: { name: 'Anna Andersson', role: 'handlaggare' } }])
    expect(extract.access.map((a) => [a.action, a.by?.name, a.caseNumber])).toEqual([
      ['case.view', 'Bo Berg', svensCase.number],
      ['search.personnummer', 'Bo Berg', null],
    ])
    expect(extract.emails.length).toBeGreaterThan(0)
    expect(extract.emails.every((e) => e.to === 'sven@example.com')).toBe(true)
  })

  it('never holds anything of another person', () => {
    const json = JSON.stringify(extract)
    for (const other of ['Olga', OLGA, olgasCase.number, 'olga@example.com', 'snöröjning', 'bänk']) expect(json).not.toContain(other)
    expect(extract.access.some((a) => a.by === null)).toBe(false)
  })

  it('never lists mail to someone else’s address that a person typed into their own draft', async () => {
    // Malle types Olga's address into a draft of her own, then downloads "mina uppgifter": Olga's mails about her
    // own case (its number, the subjects, when) are Olga's, not Malle's.
    const malles = await ownedDraft(MALLE, 'Malles utkast', 'olga@example.com')
    const json = JSON.stringify(withoutStaffNames(await collectRegisterExtract(MALLE)))
    expect(json).not.toContain(olgasCase.number)
    // A reminder about Malle's own draft is hers, whichever address it went to; one about Olga's draft is not.
    const olgas = await ownedDraft(OLGA, 'Olgas andra utkast', 'olga@example.com')
    await db`update drafts set updated_at = now() - interval '24 days' where id = any(${[malles, olgas]}::uuid[])`
    await draftHousekeeping(new Date())
    const emails = (await collectRegisterExtract(MALLE)).emails
    expect(emails).toHaveLength(1)
    expect(emails[0]).toMatchObject({ to: 'olga@example.com', caseNumber: null })
    expect((await collectRegisterExtract(OLGA)).emails.filter((e) => e.caseNumber === null)).toHaveLength(1)
  })

  it('leaves staff names and internal notes out of the citizen’s own copy, but says which roles handled it', () => {
    const own = withoutStaffNames(extract)
    const json = JSON.stringify(own)
    expect(json).not.toContain('Anna Andersson')
    expect(json).not.toContain('Bo Berg')
    expect(json).not.toContain('Intern: ring entreprenören')
    expect(own.staffNames).toBe(false)
    expect(own.cases[0]!.handledBy).toEqual([{ name: null, role: 'handlaggare' }])
    expect(own.access.map((a) => a.by?.role)).toEqual(['teamledare', 'teamledare'])
  })

  it('finds the citizen’s own earlier downloads by their personnummer', async () => {
    const olgas = await collectRegisterExtract(OLGA)
    expect(olgas.access.map((a) => [a.action, a.by?.name ?? null])).toEqual([
      ['case.view', 'Anna Andersson'], ['search.personnummer', 'Anna Andersson'], ['register.extract.self', null],
    ])
    expect(JSON.stringify(olgas)).not.toContain('Sven')
  })

  it('adds what was done with the person’s library card when it is given, and only then', async () => {
    const card = '20000000000001'
    const byCard = await receiveCase({ ...FAULT, description: 'Lämnat med lånekort' }, { applicant: { name: 'Sven S', libraryCard: card }, channel: 'kiosk', location: 'strand' })
    const without = await collectRegisterExtract(SVEN)
    expect(without.cases.map((c) => c.number)).toEqual([svensCase.number])
    const withCard = await collectRegisterExtract(SVEN, { libraryCard: card })
    expect(withCard.cases.map((c) => c.number)).toEqual([svensCase.number, byCard.number])
    expect(withCard.kioskVisits.map((k) => [k.caseNumber, k.assistedBy])).toEqual([[svensCase.number, { name: 'Anna Andersson', role: 'handlaggare' }], [byCard.number, null]])
  })

  it('reads back from the PDF as Swedish text with a heading per section', async () => {
    const text = pdfText(await renderRegisterExtractPdf(extractDocument(extract)))
    const expected = ['Registerutdrag', 'Ärenden', 'Meddelanden och kompletteringar', 'Utkast', 'Inloggningar och BankID',
      'Kunddatorer och lånekort', 'Föreningsregistret', 'E-post till dig', 'Vem har öppnat uppgifterna', '19811218-9876',
      svensCase.number, 'Tack, när blir det klart?', 'Trasig lampa vid Svens port', 'Strands bibliotek', 'Anna Andersson (Handläggare)',
      'Sökte på personnumret']
    expect(expected.filter((s) => !text.includes(s))).toEqual([])
    expect(text).not.toContain('Olga')

    const own = pdfText(await renderRegisterExtractPdf(extractDocument(withoutStaffNames(extract))))
    expect(own).toContain('Dina uppgifter')
    expect(own).toContain('Handläggare')
    expect(own).not.toContain('Anna Andersson')
  })
})
