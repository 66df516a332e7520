import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { provansokan } from '#forms/testing/provansokan.ts'
import { browserWith, newBrowser, sidFrom, simulatedBankId, type Browser } from '#tests/bankid-fixtures.ts'
import { freshDatabase } from '#tests/db.ts'
import { loginCitizen } from '../auth/citizen.server.ts'
import { collectOrder, startOrder, type StoredOrder } from '../bankid/orders.server.ts'
import type { BankIdSimulator } from '../bankid/simulator/server.server.ts'
import { addDraftAttachment, createDraft, findDraft, saveDraftAnswers } from '../cases/drafts.server.ts'
import type { Sql } from '../db/sql.server.ts'
import { canonicalJson, contentHash } from './content-hash.server.ts'
import { completeSigning, prepareSigning } from './sign.server.ts'
import { getSignature } from './signatures.server.ts'
import { getSession } from '../auth/session.server.ts'
import { kioskCaseFields } from '../kiosk/cases.server.ts'
import { setKioskData } from '../kiosk/session-data.server.ts'

// Signing an application with BankID, from the stored draft to a received case that keeps its signature.

let db: Sql
let drop: () => Promise<void>
let sim: BankIdSimulator
let stopSim: () => Promise<void>
beforeAll(async () => {
  ;({ db, drop } = await freshDatabase())
  ;({ sim, stop: stopSim } = await simulatedBankId())
})
afterAll(async () => {
  await stopSim()
  await drop()
})

const def = provansokan
const ctx = { locale: 'sv' as const, today: '2026-11-22' }
const johan = { personnummer: '198606129933', name: 'Johan Testsson' }
const pdf = Buffer.from('%PDF-1.4\n% intyg\n')

/** Johan, logged in, with a complete application and one attachment. */
async function application(): Promise<{ browser: Browser; draftId: string }> {
  const visitor = await newBrowser()
  const login = await loginCitizen(visitor.binding.sessionHash, johan)
  const browser = browserWith(sidFrom(login!.setCookie), visitor.cookies.csrf)
  const draft = await createDraft(browser.binding.sessionHash, def)
  const file = await addDraftAttachment(draft.id, {
    fieldId: 'document', name: 'intyg från läkaren.pdf', mime: 'application/pdf', size: pdf.length,
    sha256: createHash('sha256').update(pdf).digest('hex'), bytes: pdf, metadataRemoved: [],
  })
  await saveDraftAnswers(draft.id, { subject: 'Bidrag till *ramp* | entré', phone: '070-123 45 67', document: [file] })
  return { browser, draftId: draft.id }
}

async function signed(browser: Browser, draftId: string, approveAs: string): Promise<StoredOrder> {
  const answers = (await findDraft(browser.binding.sessionHash, def.id))!.answers
  const prepared = await prepareSigning({ def, draftId, answers, person: johan, ctx, organisation: 'Tyresö kommun', locale: 'sv' })
  if (!prepared.ok) throw new Error('incomplete')
  const started = await startOrder({ binding: browser.binding, purpose: 'sign', flow: 'qr', endUserIp: '192.0.2.5', sign: prepared.content })
  if (!started.ok) throw new Error(started.errorCode)
  sim.control.approve(started.order.orderRef, approveAs)
  return collectOrder(started.order)
}

const complete = (order: StoredOrder, browser: Browser) =>
  completeSigning({ order, person: johan, sessionHash: browser.binding.sessionHash, def, ctx })

describe('signing an application', () => {
  it('shows the app what is signed and hides the content hash in userNonVisibleData', async () => {
    const { browser, draftId } = await application()
    const answers = (await findDraft(browser.binding.sessionHash, def.id))!.answers
    const prepared = await prepareSigning({ def, draftId, answers, person: johan, ctx, organisation: 'Tyresö kommun', locale: 'sv' })
    if (!prepared.ok) throw new Error('incomplete')
    const { visibleText, nonVisibleData, contentHash: hash, signer } = prepared.content
    expect(signer).toBe('198606129933')
    for (const part of ['# Provansökan (endast för test)', 'Tyresö kommun', '## Sökande', 'Johan Testsson, 19860612-9933',
      '*Ämne:* Bidrag till \\*ramp\\* \\| entré', '*Telefon:* 070-123 45 67', '## Bifogade filer', 'intyg från läkaren.pdf'])
      expect(visibleText).toContain(part)
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    expect(nonVisibleData).toBe(`e-tjanster-signed-content-v1;sha256=${hash}`)

    const started = await startOrder({ binding: browser.binding, purpose: 'sign', flow: 'autostart', endUserIp: '192.0.2.5', sign: prepared.content })
    if (!started.ok) throw new Error(started.errorCode)
    const inApp = sim.control.pendingOrders().find((o) => o.orderRef === started.order.orderRef)
    expect(inApp).toMatchObject({ kind: 'sign', personalNumber: '198606129933', userVisibleText: visibleText })
    sim.control.userCancel(started.order.orderRef)
  })

  it('receives the case with the applicant and keeps signature, OCSP response, text and hash with it', async () => {
    const { browser, draftId } = await application()
    const order = await signed(browser, draftId, '198606129933')
    expect(order.status).toBe('complete')
    const outcome = await complete(order, browser)
    if (outcome.kind !== 'received') throw new Error(outcome.kind)
    expect(outcome.number).toMatch(/^SIGN-2026-\d{6}$/)

    const [c] = await db<{ applicant: unknown; answers: Record<string, unknown> }[]>`select applicant, answers from cases where id = ${outcome.caseId}`
    expect(c!.applicant).toEqual(johan)
    const signature = await getSignature(outcome.caseId)
    expect(signature).toMatchObject({ personnummer: '198606129933', name: 'Johan Testsson', contentHash: order.contentHash, visibleText: order.visibleText })
    const [row] = await db<{ signature: string; ocsp_response: string; non_visible_data: string }[]>`
      select signature, ocsp_response, non_visible_data from case_signatures where case_id = ${outcome.caseId}`
    const xml = Buffer.from(row!.signature, 'base64').toString('utf8')
    expect(xml, 'BankID signed the hidden hash').toContain(Buffer.from(row!.non_visible_data).toString('base64'))
    expect(xml, 'and the text the citizen read').toContain(Buffer.from(order.visibleText!).toString('base64'))
    expect(Buffer.from(row!.ocsp_response, 'base64').length).toBeGreaterThan(100)

    // Anyone can recompute the hash from the stored case later.
    const files = await db<{ id: string; fieldId: string; name: string; sha256: string }[]>`
      select id, field_id as "fieldId", file_name as name, sha256 from attachments where case_id = ${outcome.caseId}`
    expect(contentHash({ formId: def.id, formVersion: def.version, signer: johan.personnummer, answers: c!.answers, attachments: files })).toBe(order.contentHash)

    // A replayed poll finds the same case; the signature cannot be changed afterwards.
    const again = await complete({ ...order, caseId: outcome.caseId, status: 'used' }, browser)
    expect(again).toEqual(outcome)
    await expect(db`update case_signatures set name = 'Someone Else' where case_id = ${outcome.caseId}`).rejects.toThrow(/cannot change/)
  })

  it('at a kiosk records channel kiosk, the location and the assisting staff, as an unsigned case does', async () => {
    const { browser, draftId } = await application()
    const order = await signed(browser, draftId, '198606129933')
    const session = await getSession(browser.request())
    await setKioskData(session!.tokenHash, 'kioskAssist', { staffId: '00000000-0000-4000-8000-000000000001', name: 'Kim Kundtjänst', at: new Date().toISOString() })
    const kiosk = { id: '00000000-0000-4000-8000-000000000002', location: 'strand', name: 'Vid entrén' }
    const filedAt = kioskCaseFields(kiosk, await getSession(browser.request()))
    const outcome = await completeSigning({ order, person: johan, sessionHash: browser.binding.sessionHash, def, ctx, filedAt })
    if (outcome.kind !== 'received') throw new Error(outcome.kind)
    const [c] = await db<{ channel: string; location: string; applicant: unknown }[]>`select channel, location, applicant from cases where id = ${outcome.caseId}`
    expect(c).toEqual({ channel: 'kiosk', location: 'strand', applicant: johan })
    const [received] = await db<{ data: Record<string, unknown> }[]>`select data from case_events where case_id = ${outcome.caseId} and type = 'received'`
    expect(received!.data).toMatchObject({ channel: 'kiosk', location: 'strand', assistedBy: { name: 'Kim Kundtjänst' } })
    expect(await getSignature(outcome.caseId)).toMatchObject({ personnummer: johan.personnummer })
  })

  it('refuses a signature by someone other than the logged-in person: nothing is sent', async () => {
    const { browser, draftId } = await application()
    const order = await signed(browser, draftId, '195603149989')
    expect(order.completion?.user.personalNumber).toBe('195603149989')
    expect(await complete(order, browser)).toEqual({ kind: 'wrongSigner' })
    expect(await db`select 1 from cases where idempotency_key = ${draftId}`).toHaveLength(0)
    expect(await findDraft(browser.binding.sessionHash, def.id), 'the answers are kept').not.toBeNull()
    const [o] = await db<{ status: string; error_code: string }[]>`select status, error_code from bankid_orders where id = ${order.id}`
    expect(o).toEqual({ status: 'failed', error_code: 'wrongSigner' })
  })

  it('refuses when the answers changed after signing started (another tab): nothing is sent', async () => {
    const { browser, draftId } = await application()
    const order = await signed(browser, draftId, '198606129933')
    const draft = (await findDraft(browser.binding.sessionHash, def.id))!
    await saveDraftAnswers(draftId, { ...draft.answers, subject: 'Något helt annat' })
    expect(await complete(order, browser)).toEqual({ kind: 'answersChanged' })
    expect(await db`select 1 from cases where idempotency_key = ${draftId}`).toHaveLength(0)
    expect(await db`select 1 from case_signatures cs join cases c on c.id = cs.case_id where c.idempotency_key = ${draftId}`).toHaveLength(0)
  })
})

describe('the content hash', () => {
  it('does not depend on key order, and changes with any answer or file', () => {
    const base = { formId: 'x', formVersion: 1, signer: '198606129933', answers: { a: 1, b: { d: 'x', c: [1, 2] } }, attachments: [{ id: '2', fieldId: 'f', name: 'n', sha256: 'aa' }] }
    const reordered = { ...base, answers: { b: { c: [1, 2], d: 'x' }, a: 1 } }
    expect(contentHash(reordered)).toBe(contentHash(base))
    expect(canonicalJson(reordered.answers)).toBe('{"a":1,"b":{"c":[1,2],"d":"x"}}')
    expect(contentHash({ ...base, answers: { ...base.answers, a: 2 } })).not.toBe(contentHash(base))
    expect(contentHash({ ...base, attachments: [{ ...base.attachments[0]!, sha256: 'ab' }] })).not.toBe(contentHash(base))
    expect(contentHash({ ...base, signer: '195603149989' })).not.toBe(contentHash(base))
  })
})
