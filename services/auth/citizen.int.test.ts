import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { felanmalan } from '#forms/felanmalan/index.ts'
import { provansokan } from '#forms/testing/provansokan.ts'
import { browserWith, newBrowser, sidFrom, simulatedBankId } from '#tests/bankid-fixtures.ts'
import { freshDatabase } from '#tests/db.ts'
import { findOrder, startOrder } from '../bankid/orders.server.ts'
import { createDraft, findDraft, saveDraftAnswers } from '../cases/drafts.server.ts'
import { adoptOwnedDraft, listOwnedDrafts } from '../cases/owned-drafts.server.ts'
import type { Sql } from '../db/sql.server.ts'
import { isCitizen, loginCitizen, logoutEverywhere } from './citizen.server.ts'
import { destroySession, getSession, IDLE_SECONDS } from './session.server.ts'

// Logging in with BankID turns the browser's session into a citizen session under a new token.

let db: Sql
let drop: () => Promise<void>
let stopSim: () => Promise<void>
beforeAll(async () => {
  ;({ db, drop } = await freshDatabase())
  ;({ stop: stopSim } = await simulatedBankId())
})
afterAll(async () => {
  await stopSim()
  await drop()
})

const johan = { personnummer: '198606129933', name: 'Johan Testsson' }
const margareta = { personnummer: '195603149989', name: 'Margareta Testsson' }

async function loggedIn(person = johan) {
  const browser = await newBrowser()
  const login = await loginCitizen(browser.binding.sessionHash, person)
  return browserWith(sidFrom(login!.setCookie), browser.cookies.csrf)
}

describe('logging in', () => {
  it('gives the session a new token, keeps the visitor’s drafts, receipts and orders, and holds the person', async () => {
    const visitor = await newBrowser()
    const draft = await createDraft(visitor.binding.sessionHash, felanmalan)
    await saveDraftAnswers(draft.id, { category: 'klotter' })
    await db`update sessions set data = '{"receipts":["00000000-0000-4000-8000-000000000001"]}' where token_hash = ${visitor.binding.sessionHash}`
    const started = await startOrder({ binding: visitor.binding, purpose: 'login', flow: 'qr', endUserIp: '192.0.2.1' })
    if (!started.ok) throw new Error('not started')

    const login = await loginCitizen(visitor.binding.sessionHash, johan)
    expect(login?.setCookie).toMatch(/^sid=[A-Za-z0-9_-]{43}; Path=\/; SameSite=Lax; HttpOnly/)
    const after = browserWith(sidFrom(login!.setCookie), visitor.cookies.csrf)
    expect(after.cookies.sid).not.toBe(visitor.cookies.sid)

    expect(await getSession(visitor.request()), 'the old token is worthless').toBeNull()
    const session = await getSession(after.request())
    expect(session).toMatchObject({ kind: 'citizen', person: johan, data: { receipts: ['00000000-0000-4000-8000-000000000001'] } })
    expect(isCitizen(session)).toBe(true)
    expect(await findDraft(after.binding.sessionHash, 'felanmalan')).toMatchObject({ id: draft.id, answers: { category: 'klotter' } })
    expect(await findOrder(after.binding, started.order.id)).toMatchObject({ id: started.order.id })
    // Felanmälan never records who began it, even for a logged-in person.
    expect(await listOwnedDrafts(johan.personnummer)).toEqual([])
  })

  it('is logged out after 20 minutes without activity', async () => {
    const browser = await loggedIn()
    const [row] = await db<{ idle: number }[]>`
      select extract(epoch from expires_at - now())::int as idle from sessions where token_hash = ${browser.binding.sessionHash}`
    expect(row!.idle).toBeGreaterThan(IDLE_SECONDS.citizen - 5)
    expect(row!.idle).toBeLessThanOrEqual(IDLE_SECONDS.citizen)
    expect(IDLE_SECONDS.citizen).toBe(20 * 60)
    await db`update sessions set expires_at = now() - interval '1 second' where token_hash = ${browser.binding.sessionHash}`
    expect(await getSession(browser.request())).toBeNull()
  })

  it('does not hand one person’s drafts to the next person logging in on the same browser', async () => {
    const browser = await loggedIn(johan)
    const draft = await createDraft(browser.binding.sessionHash, provansokan)
    const login = await loginCitizen(browser.binding.sessionHash, margareta)
    const next = browserWith(sidFrom(login!.setCookie), browser.cookies.csrf)
    expect(await findDraft(next.binding.sessionHash, 'provansokan')).toBeNull()
    expect((await listOwnedDrafts(johan.personnummer)).map((d) => d.id)).toContain(draft.id)
  })

  it('returns null when the session ended before BankID completed', async () => {
    const browser = await newBrowser()
    await destroySession(browser.request())
    expect(await loginCitizen(browser.binding.sessionHash, johan)).toBeNull()
  })
})

describe('drafts belong to the person', () => {
  it('outlive logout and continue on another device', async () => {
    const phone = await loggedIn(johan)
    const draft = await createDraft(phone.binding.sessionHash, provansokan)
    await saveDraftAnswers(draft.id, { subject: 'Bygglov för altan' })
    await destroySession(phone.request())
    expect((await listOwnedDrafts(johan.personnummer)).map((d) => d.id)).toContain(draft.id)

    const computer = await loggedIn(johan)
    const session = await getSession(computer.request())
    if (!isCitizen(session)) throw new Error('not a citizen session')
    expect(await adoptOwnedDraft(session, 'provansokan')).toMatchObject({ id: draft.id, answers: { subject: 'Bygglov för altan' } })
    expect(await findDraft(computer.binding.sessionHash, 'provansokan')).toMatchObject({ id: draft.id })

    const stranger = await loggedIn(margareta)
    const theirs = await getSession(stranger.request())
    if (!isCitizen(theirs)) throw new Error('not a citizen session')
    expect(await adoptOwnedDraft(theirs, 'provansokan'), 'another person never gets it').toBeNull()
  })
})

describe('logging out everywhere', () => {
  it('ends every session of the person and no one else’s, keeping their drafts', async () => {
    const phone = await loggedIn(johan)
    const computer = await loggedIn(johan)
    const other = await loggedIn(margareta)
    const draft = await createDraft(phone.binding.sessionHash, provansokan)
    expect(await logoutEverywhere(johan)).toBeGreaterThanOrEqual(2)
    expect(await getSession(phone.request())).toBeNull()
    expect(await getSession(computer.request())).toBeNull()
    expect(await getSession(other.request())).toMatchObject({ person: margareta })
    expect((await listOwnedDrafts(johan.personnummer)).map((d) => d.id)).toContain(draft.id)
  })
})
