import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { felanmalan } from '#forms/felanmalan/index.ts'
import { newBrowser } from '#tests/bankid-fixtures.ts'
import { freshDatabase } from '#tests/db.ts'
import { addDraftAttachment, createDraft, saveDraftAnswers } from '../cases/drafts.server.ts'
import type { Sql } from '../db/sql.server.ts'
import { startMailCatcher } from '../mail/catcher.server.ts'
import { sendDueMails } from '../mail/outbox.server.ts'
import { smtpSender } from '../mail/worker.server.ts'
import { draftHousekeeping } from './housekeeping.server.ts'

let db: Sql
let drop: () => Promise<void>
beforeAll(async () => ({ db, drop } = await freshDatabase()))
afterAll(() => drop())

const DAY = 24 * 3600 * 1000
const now = new Date('2026-11-29T09:00:00Z')

/** A felanmälan draft last saved `daysAgo` days before `now`, kept the usual 30 days from then. */
async function draftSaved(daysAgo: number, answers: Record<string, unknown>, locale: 'sv' | 'en' = 'sv') {
  const browser = await newBrowser()
  const draft = await createDraft(browser.binding.sessionHash, felanmalan, locale)
  await saveDraftAnswers(draft.id, answers)
  const saved = new Date(now.getTime() - daysAgo * DAY)
  await db`update drafts set updated_at = ${saved}, expires_at = ${new Date(saved.getTime() + 30 * DAY)} where id = ${draft.id}`
  return draft
}

const file = { fieldId: 'photos', name: 'hål.png', mime: 'image/png', size: 4, sha256: 'x', bytes: new Uint8Array([1, 2, 3, 4]), metadataRemoved: [] }

describe('draft housekeeping', () => {
  it('mails one reminder at 23 days, deletes drafts and their files after 30, and leaves fresh drafts alone', async () => {
    const catcher = await startMailCatcher()
    try {
      const due = await draftSaved(23, { category: 'klotter', email: 'asa@example.com' })
      const dueEn = await draftSaved(24, { category: 'klotter', email: 'sam@example.com' }, 'en')
      const noAddress = await draftSaved(25, { category: 'klotter' })
      const expired = await draftSaved(31, { category: 'klotter', email: 'gammal@example.com' })
      const photo = await addDraftAttachment(expired.id, file)
      await saveDraftAnswers(expired.id, { category: 'klotter', email: 'gammal@example.com', photos: [photo] })
      await db`update drafts set updated_at = ${new Date(now.getTime() - 31 * DAY)}, expires_at = ${new Date(now.getTime() - DAY)} where id = ${expired.id}`
      const fresh = await draftSaved(2, { category: 'klotter', email: 'ny@example.com' })

      expect(await draftHousekeeping(now)).toEqual({ reminded: 2, deleted: 1 })
      await sendDueMails(smtpSender(catcher.url, 'Tyresö kommun <no-reply@example.invalid>'))

      const to = (address: string) => catcher.mails.filter((m) => m.to.includes(address))
      const [mail] = to('asa@example.com')
      expect(to('asa@example.com')).toHaveLength(1)
      expect(mail!.subject).toBe('Ditt utkast ”Felanmälan” tas bort 6 december 2026')
      expect(mail!.text).toContain('Utkastet sparas till 6 december 2026 och tas sedan bort.')
      // Felanmälan needs no login, so the link is the e-service (a BankID draft's would be Mina sidor).
      expect(mail!.text).toMatch(/Fortsätt där du slutade: http:\/\/localhost:\d+\/e-tjanster\/felanmalan/)
      expect(to('sam@example.com').map((m) => m.subject)).toEqual(['Your draft “Report a fault” will be deleted on 5 December 2026'])
      expect(to('ny@example.com')).toEqual([])
      expect(to('gammal@example.com')).toEqual([])

      // Once per draft: the next runs, hours later, queue nothing more.
      expect(await draftHousekeeping(new Date(now.getTime() + 3600_000))).toEqual({ reminded: 0, deleted: 0 })
      expect((await sendDueMails(smtpSender(catcher.url))).sent).toBe(0)
      expect(to('asa@example.com')).toHaveLength(1)

      const left = await db<{ id: string; reminded: boolean }[]>`select id, reminded_at is not null as reminded from drafts order by id`
      expect(left).toEqual(expect.arrayContaining([
        { id: due.id, reminded: true }, { id: dueEn.id, reminded: true }, { id: noAddress.id, reminded: true }, { id: fresh.id, reminded: false },
      ]))
      expect(left.map((d) => d.id)).not.toContain(expired.id)
      expect(await db`select id from attachments where id = ${photo.id}`).toEqual([])
    } finally {
      await catcher.stop()
    }
  })

  it('starts the 30 days again at every save, and a later reminder becomes possible', async () => {
    const draft = await draftSaved(24, { category: 'klotter', email: 'asa@example.com' })
    await draftHousekeeping(now)
    await saveDraftAnswers(draft.id, { category: 'buskar', email: 'asa@example.com' })
    const [row] = await db<{ reminded_at: Date | null; days: number }[]>`
      select reminded_at, round(extract(epoch from expires_at - updated_at) / 86400)::int as days from drafts where id = ${draft.id}`
    expect(row).toEqual({ reminded_at: null, days: 30 })
  })
})
