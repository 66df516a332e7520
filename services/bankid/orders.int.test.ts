import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { browserWith, newBrowser, simulatedBankId, type Browser } from '#tests/bankid-fixtures.ts'
import { freshDatabase } from '#tests/db.ts'
import type { Sql } from '../db/sql.server.ts'
import { bankId } from './runtime.server.ts'
import { cancelOrder, collectOrder, findOrder, START_LIMIT, startOrder, takeCompleted, type StoredOrder } from './orders.server.ts'
import type { BankIdSimulator } from './simulator/server.server.ts'
import { orderView, startFailure } from './view.server.ts'

// BankID orders as the portal keeps them, against real PostgreSQL and the simulator over mutual TLS.

let db: Sql
let drop: () => Promise<void>
let sim: BankIdSimulator
let stopSim: () => Promise<void>
let now = Date.now()

beforeAll(async () => {
  ;({ db, drop } = await freshDatabase())
  ;({ sim, stop: stopSim } = await simulatedBankId({ now: () => now }))
})
afterAll(async () => {
  await stopSim()
  await drop()
})
afterEach(() => {
  sim.control.setOutage(null)
  sim.control.setAutoApprove(null)
})

const ip = '192.0.2.7'
async function login(browser: Browser, flow: 'qr' | 'autostart' = 'qr'): Promise<StoredOrder> {
  const started = await startOrder({ binding: browser.binding, purpose: 'login', flow, endUserIp: ip, returnTo: '/mina-sidor' })
  if (!started.ok) throw new Error(`not started: ${started.errorCode}`)
  return started.order
}
/** Collects now, without waiting out the interval BankID asks for between collects. */
async function collectNow(order: StoredOrder): Promise<StoredOrder> {
  await db`update bankid_orders set last_collect_at = null where id = ${order.id}`
  return collectOrder(order)
}

describe('a BankID order is only its own browser’s', () => {
  it('is found by the session and browser that started it, and by nothing else', async () => {
    const mine = await newBrowser()
    const order = await login(mine)
    expect(await findOrder(mine.binding, order.id)).toMatchObject({ id: order.id, purpose: 'login', status: 'pending' })

    const other = await newBrowser()
    expect(await findOrder(other.binding, order.id), 'another session').toBeNull()
    const copiedCookie = browserWith(mine.cookies.sid, other.cookies.csrf, mine.binding.sessionHash)
    expect(await findOrder(copiedCookie.binding, order.id), 'the session cookie in another browser').toBeNull()
    expect(await findOrder(mine.binding, order.orderRef), 'BankID’s orderRef is not an id the browser can use').toBeNull()
    expect(await findOrder(mine.binding, '00000000-0000-4000-8000-000000000000'), 'a forged id').toBeNull()
    expect(await findOrder(mine.binding, "x' or 1=1 --"), 'garbage').toBeNull()
    expect(await cancelOrder(other.binding, order.id), 'cancelling someone else’s order').toBeNull()
    expect((await findOrder(mine.binding, order.id))?.status).toBe('pending')
  })

  it('never tells the browser the orderRef or the QR secret, only this second’s QR code', async () => {
    const browser = await newBrowser()
    const order = await login(browser, 'qr')
    const view = await orderView(order, { userAgent: 'Mozilla/5.0 (Linux; Android 14) Mobile' })
    const json = JSON.stringify(view)
    expect(json).not.toContain(order.orderRef)
    expect(json).not.toContain(order.qrStartSecret!)
    expect(view).toMatchObject({ state: 'pending', message: { rfa: 'RFA1' }, qr: expect.stringMatching(/^data:image\/svg\+xml;base64,/) })
    const svg = Buffer.from(view.qr!.split(',')[1]!, 'base64').toString('utf8')
    expect(svg).toMatch(/^<svg /)
    const later = await orderView(order, { userAgent: null, nowMs: order.startedAt.getTime() + 5000 })
    expect(later.qr, 'the code changes with the seconds').not.toBe(view.qr)

    const same = await orderView(await login(await newBrowser(), 'autostart'), { userAgent: null })
    expect(same).toMatchObject({ message: { rfa: 'RFA13' }, autoStartHref: expect.stringMatching(/^bankid:\/\/\/\?autostarttoken=[0-9a-f-]{36}&redirect=null$/) })
    expect(same.qr).toBeUndefined()
  })
})

describe('collecting', () => {
  it('walks the pending hints, asks BankID at most every 1.5 s, and keeps the one complete answer', async () => {
    const browser = await newBrowser()
    let order = await login(browser)
    order = await collectOrder(order)
    expect(order).toMatchObject({ status: 'pending', hintCode: 'outstandingTransaction' })
    sim.control.setHint(order.orderRef, 'started')
    // Straight after a collect, a poll is answered from the stored state without asking BankID.
    expect(await collectOrder(order)).toMatchObject({ status: 'pending', hintCode: 'outstandingTransaction' })
    order = await collectNow(order)
    expect(order).toMatchObject({ status: 'pending', hintCode: 'started' })
    expect((await orderView(order, { userAgent: 'iPhone Mobile' })).message).toEqual({ rfa: 'RFA15B' })

    sim.control.approve(order.orderRef, '19860612-9933')
    order = await collectNow(order)
    expect(order.status).toBe('complete')
    expect(order.completion?.user).toMatchObject({ personalNumber: '198606129933', name: 'Johan Testsson' })
    expect(order.qrStartSecret, 'the secret is dropped once the order is over').toBeNull()
    // BankID has forgotten the order now (a second collect there is invalidParameters): ours is kept.
    await expect((await bankId()).collect(order.orderRef)).rejects.toMatchObject({ errorCode: 'invalidParameters' })
    expect(await collectNow(order)).toMatchObject({ status: 'complete', completion: { user: { personalNumber: '198606129933' } } })

    // Acted on exactly once.
    expect(await takeCompleted(order.id)).toMatchObject({ status: 'used' })
    expect(await takeCompleted(order.id)).toBeNull()
  })

  it('shows BankID’s message for a cancel in the app and for an order that expired', async () => {
    const cancelled = await login(await newBrowser())
    sim.control.userCancel(cancelled.orderRef)
    const failed = await collectNow(cancelled)
    expect(failed).toMatchObject({ status: 'failed', hintCode: 'userCancel' })
    expect(await orderView(failed, { userAgent: null })).toMatchObject({ state: 'failed', message: { rfa: 'RFA6' } })

    const slow = await login(await newBrowser())
    now += 3 * 60_000
    const expired = await collectNow(slow)
    expect(expired).toMatchObject({ status: 'failed', hintCode: 'expiredTransaction' })
    expect(await orderView(expired, { userAgent: null })).toMatchObject({ state: 'failed', message: { rfa: 'RFA8' } })
  })

  it('cancels here and at BankID when the citizen presses Avbryt', async () => {
    const browser = await newBrowser()
    const order = await login(browser)
    const cancelled = await cancelOrder(browser.binding, order.id)
    expect(cancelled).toMatchObject({ status: 'cancelled' })
    await expect((await bankId()).collect(order.orderRef)).rejects.toMatchObject({ errorCode: 'invalidParameters' })
    expect(await orderView(cancelled!, { userAgent: null })).toMatchObject({ state: 'failed', message: { rfa: 'RFA6' } })
  })
})

describe('when BankID is down', () => {
  it('cannot start: RFA5, and nothing is stored', async () => {
    const browser = await newBrowser()
    sim.control.setOutage('maintenance')
    const started = await startOrder({ binding: browser.binding, purpose: 'login', flow: 'qr', endUserIp: ip })
    expect(started).toEqual({ ok: false, errorCode: 'maintenance' })
    expect(startFailure('maintenance')).toEqual({ rfa: 'RFA5' })
    expect(startFailure('unreachable')).toEqual({ rfa: 'RFA5' })
    const [{ n }] = (await db`select count(*)::int as n from bankid_orders where session_hash = ${browser.binding.sessionHash}`) as unknown as [{ n: number }]
    expect(n).toBe(0)
  })

  it('keeps a running order pending through an outage, saying RFA5, and carries on afterwards', async () => {
    const browser = await newBrowser()
    let order = await login(browser)
    sim.control.setOutage('internalError')
    order = await collectNow(order)
    expect(order).toMatchObject({ status: 'pending', errorCode: 'internalError' })
    expect(await orderView(order, { userAgent: null })).toMatchObject({ state: 'pending', message: { rfa: 'RFA5' } })
    sim.control.setOutage(null)
    sim.control.approve(order.orderRef, '195603149989')
    order = await collectNow(order)
    expect(order).toMatchObject({ status: 'complete', errorCode: null })
  })

  it('answers alreadyInProgress with RFA4', async () => {
    expect(startFailure('alreadyInProgress')).toEqual({ rfa: 'RFA4' })
  })
})

describe('rate limits', () => {
  it(`refuses more than ${START_LIMIT.perSession} starts per session within ${START_LIMIT.windowMinutes} minutes`, async () => {
    const browser = await newBrowser()
    for (let i = 0; i < START_LIMIT.perSession; i++) await login(browser)
    const refused = await startOrder({ binding: browser.binding, purpose: 'login', flow: 'qr', endUserIp: '192.0.2.99' })
    expect(refused).toEqual({ ok: false, errorCode: 'rateLimited' })
    expect(startFailure('rateLimited')).toEqual({ portal: 'rateLimited' })
    // Another browser is not held up by this one.
    expect((await startOrder({ binding: (await newBrowser()).binding, purpose: 'login', flow: 'qr', endUserIp: '192.0.2.99' })).ok).toBe(true)
  })
})
