import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defineForm, type FormDefinition } from '#forms/kit/index.ts'
import { provansokan } from '#forms/testing/provansokan.ts'
import { newBrowser } from '#tests/bankid-fixtures.ts'
import { freshDatabase } from '#tests/db.ts'
import { loginCitizen } from '../auth/citizen.server.ts'
import { addDraftAttachment, createDraft, deleteOwnedDraft, findDraft, reopenDraft, saveDraftAnswers } from '../cases/drafts.server.ts'
import { listOwnedDrafts } from '../cases/owned-drafts.server.ts'
import type { Sql } from '../db/sql.server.ts'

let db: Sql
let drop: () => Promise<void>
beforeAll(async () => ({ db, drop } = await freshDatabase()))
afterAll(() => drop())

const johan = { personnummer: '198606129933', name: 'Johan Testsson' }

/** Provansökan v2: the subject may now be at most 50 characters. */
const v2 = defineForm({
  ...provansokan, version: 2,
  pages: [{
    ...provansokan.pages[0]!,
    fields: provansokan.pages[0]!.fields.map((f) => (f.id === 'subject' ? { ...f, maxLength: 50 } : f)),
  }],
} satisfies FormDefinition)

describe('a stored draft on a newer version', () => {
  it('loses only the changed answers, is saved so, and names the page to answer again', async () => {
    const browser = await newBrowser()
    const draft = await createDraft(browser.binding.sessionHash, provansokan)
    await saveDraftAnswers(draft.id, { subject: 'Ramp', phone: '+46701234567' }, { def: provansokan })
    const stored = (await findDraft(browser.binding.sessionHash, 'provansokan'))!

    expect((await reopenDraft(stored, provansokan)).changedPage).toBeNull()
    const r = await reopenDraft(stored, v2)
    expect(r).toMatchObject({ changedPage: 'arende', draft: { answers: { phone: '+46701234567' }, formVersion: 2 } })
    // Saved on the new version: opening it again asks nothing more.
    const again = (await findDraft(browser.binding.sessionHash, 'provansokan'))!
    expect(again).toMatchObject({ formVersion: 2, answers: { phone: '+46701234567' } })
    expect((await reopenDraft(again, v2)).changedPage).toBeNull()
  })
})

describe('deleting a draft from Mina sidor', () => {
  it('deletes the person’s own draft with its files, and nobody else’s', async () => {
    const browser = await newBrowser()
    const login = await loginCitizen(browser.binding.sessionHash, johan)
    const draft = await createDraft(login!.tokenHash, provansokan)
    const file = await addDraftAttachment(draft.id, { fieldId: 'document', name: 'a.pdf', mime: 'application/pdf', size: 1, sha256: 'x', bytes: new Uint8Array([1]), metadataRemoved: [] })
    expect((await listOwnedDrafts(johan.personnummer)).map((d) => d.id)).toContain(draft.id)

    expect(await deleteOwnedDraft('195603149989', draft.id), 'another person').toBe(false)
    expect(await deleteOwnedDraft(johan.personnummer, 'not-a-uuid')).toBe(false)
    expect((await listOwnedDrafts(johan.personnummer)).map((d) => d.id)).toContain(draft.id)

    expect(await deleteOwnedDraft(johan.personnummer, draft.id)).toBe(true)
    expect((await listOwnedDrafts(johan.personnummer)).map((d) => d.id)).not.toContain(draft.id)
    expect(await db`select id from attachments where id = ${file.id}`).toEqual([])
  })
})
