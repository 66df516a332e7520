import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDatabase } from '#tests/db.ts'
import { felanmalan } from '#forms/felanmalan/index.ts'
import type { Sql } from '../db/sql.server.ts'
import { createSession } from '../auth/session.server.ts'
import { addDraftAttachment, createDraft, saveDraftAnswers } from './drafts.server.ts'
import { receiveDraft } from './receive.server.ts'

let db: Sql
let drop: () => Promise<void>
beforeAll(async () => ({ db, drop } = await freshDatabase()))
afterAll(() => drop())

const ctx = { locale: 'sv' as const, today: '2026-11-22', bounds: { minLat: 59.17, maxLat: 59.31, minLon: 18.2, maxLon: 18.47 } }
const complete = {
  category: 'klotter', address: { street: 'Storgatan 1', postcode: '135 40', city: 'Tyresö' },
  description: 'Klotter på väggen vid busshållplatsen.',
}

async function draftWith(answers: Record<string, unknown>) {
  const { session } = await createSession(new Request('http://x/'), 'visitor')
  const draft = await createDraft(session.tokenHash, felanmalan)
  await saveDraftAnswers(draft.id, answers)
  return { draftId: draft.id, sessionHash: session.tokenHash }
}

const send = (d: { draftId: string; sessionHash: string }) => receiveDraft({ ...d, def: felanmalan, ctx })

describe('receiving a case', () => {
  it('stores the case, its snapshot and a received event in one go, and a replay finds the same case', async () => {
    const d = await draftWith(complete)
    const first = await send(d)
    expect(first).toMatchObject({ kind: 'received', replay: false })
    const again = await send(d)
    expect(again).toMatchObject({ kind: 'received', replay: true })
    if (first.kind !== 'received' || again.kind !== 'received') throw new Error('not received')
    expect(again.case).toEqual(first.case)
    const [row] = await db`select number, form_version, definition->>'id' as def_id, answers, channel from cases where id = ${first.case.id}`
    expect(row).toMatchObject({ form_version: felanmalan.version, def_id: 'felanmalan', channel: 'web', answers: complete })
    expect(row!.number).toMatch(/^FEL-2026-\d{6}$/)
    const events = await db`select seq, type from case_events where case_id = ${first.case.id}`
    expect(events).toEqual([{ seq: 1, type: 'received' }])
    expect(await db`select 1 from drafts where id = ${d.draftId}`).toHaveLength(0)
  })

  it('makes one case when the same draft is sent many times at once (double click)', async () => {
    const d = await draftWith(complete)
    const results = await Promise.all(Array.from({ length: 8 }, () => send(d)))
    const ids = new Set(results.map((r) => (r.kind === 'received' ? r.case.id : r.kind)))
    expect(ids.size).toBe(1)
    expect(results.filter((r) => r.kind === 'received' && !r.replay)).toHaveLength(1)
    const [{ n }] = (await db`select count(*)::int as n from cases where idempotency_key = ${d.draftId}`) as unknown as [{ n: number }]
    expect(n).toBe(1)
  })

  it('gives concurrent sends unique, gapless case numbers', async () => {
    const drafts = await Promise.all(Array.from({ length: 20 }, () => draftWith(complete)))
    const results = await Promise.all(drafts.map(send))
    const numbers = results.map((r) => (r.kind === 'received' ? r.case.number : 'x')).sort()
    expect(new Set(numbers).size).toBe(20)
    const seqs = numbers.map((n) => Number(n.slice(-6)))
    expect(seqs[seqs.length - 1]! - seqs[0]!).toBe(19)
  })

  it('keeps an exact snapshot of the definition, also when the stored definition row went missing', async () => {
    const first = await send(await draftWith(complete))
    await db`delete from form_definitions`
    const second = await send(await draftWith(complete))
    if (first.kind !== 'received' || second.kind !== 'received') throw new Error('not received')
    const rows = await db<{ definition: unknown }[]>`select definition from cases where id in ${db([first.case.id, second.case.id])}`
    for (const r of rows) expect(r.definition).toEqual(JSON.parse(JSON.stringify(felanmalan)))
    expect(Number(second.case.number.slice(-6)) - Number(first.case.number.slice(-6))).toBe(1)
  })

  it('puts the number it takes into the state row and the receipt e-mail written with the case', async () => {
    const r = await send(await draftWith({ ...complete, email: 'asa@example.se' }))
    if (r.kind !== 'received') throw new Error('not received')
    const [state] = await db<{ number: string; status: string }[]>`select number, status from case_state where case_id = ${r.case.id}`
    expect(state).toEqual({ number: r.case.number, status: 'new' })
    const mails = await db<{ payload: { to: string; subject: string; text: string } }[]>`select payload from outbox where case_id = ${r.case.id}`
    expect(mails).toHaveLength(1)
    expect(mails[0]!.payload.to).toBe('asa@example.se')
    expect(`${mails[0]!.payload.subject} ${mails[0]!.payload.text}`).toContain(r.case.number)
    expect(JSON.stringify(mails[0]!.payload)).not.toContain('⟦')
  })

  it('refuses an incomplete draft and names the first page to fix', async () => {
    const d = await draftWith({ ...complete, description: 'kort' })
    expect(await send(d)).toEqual({ kind: 'incomplete', firstIncomplete: 'beskrivning' })
    expect(await db`select 1 from cases where idempotency_key = ${d.draftId}`).toHaveLength(0)
  })

  it('does not let another session send someone else’s draft', async () => {
    const d = await draftWith(complete)
    const other = await draftWith(complete)
    expect(await send({ draftId: d.draftId, sessionHash: other.sessionHash })).toEqual({ kind: 'gone' })
  })

  it('moves the referenced attachments to the case and drops the rest with the draft', async () => {
    const d = await draftWith({})
    const file = { fieldId: 'photos', mime: 'image/png', size: 3, sha256: 'x', bytes: new Uint8Array([1, 2, 3]), metadataRemoved: [] }
    const kept = await addDraftAttachment(d.draftId, { ...file, name: 'kvar.png' })
    await addDraftAttachment(d.draftId, { ...file, name: 'bortvald.png' })
    await saveDraftAnswers(d.draftId, { ...complete, photos: [kept] })
    const r = await send(d)
    if (r.kind !== 'received') throw new Error('not received')
    const files = await db`select file_name, case_id, draft_id from attachments where case_id = ${r.case.id} or draft_id = ${d.draftId}`
    expect(files).toEqual([{ file_name: 'kvar.png', case_id: r.case.id, draft_id: null }])
  })

  it('never lets the received answers be rewritten', async () => {
    const d = await draftWith(complete)
    const r = await send(d)
    if (r.kind !== 'received') throw new Error('not received')
    await expect(db`update cases set answers = '{}' where id = ${r.case.id}`).rejects.toThrow(/cannot change/)
  })
})
