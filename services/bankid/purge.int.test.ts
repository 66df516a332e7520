import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newBrowser, type Browser } from '#tests/bankid-fixtures.ts'
import { freshDatabase } from '#tests/db.ts'
import type { Sql } from '../db/sql.server.ts'
import { housekeeping } from '../jobs/housekeeping.server.ts'
import { purgeOldOrders } from './purge.server.ts'

let db: Sql
let drop: () => Promise<void>
let browser: Browser
beforeAll(async () => {
  ;({ db, drop } = await freshDatabase())
  browser = await newBrowser()
})
afterAll(() => drop())

/** An order started `startedHoursAgo` and (unless null) finished `finishedHoursAgo`. */
async function order(status: string, startedHoursAgo: number, finishedHoursAgo: number | null): Promise<string> {
  const ref = crypto.randomUUID()
  const [row] = await db<{ id: string }[]>`
    insert into bankid_orders (order_ref, session_hash, browser_hash, purpose, flow, auto_start_token, qr_start_token, end_user_ip,
      started_at, status, finished_at)
    values (${ref}, ${browser.binding.sessionHash}, ${browser.binding.browserHash}, 'login', 'qr', 'a', 'q', '192.0.2.1',
      now() - make_interval(hours => ${startedHoursAgo}::int), ${status},
      ${finishedHoursAgo === null ? null : db`now() - make_interval(hours => ${finishedHoursAgo}::int)`})
    returning id`
  return row!.id
}

const remaining = async () => (await db<{ id: string }[]>`select id from bankid_orders`).map((r) => r.id)

describe('purging old BankID orders', () => {
  it('deletes finished and expired orders older than a day and keeps recent and running ones', async () => {
    const oldDone = await order('used', 30, 29)
    const oldFailed = await order('failed', 50, 49)
    const expired = await order('pending', 26, null)
    const recentDone = await order('complete', 25, 2)
    const running = await order('pending', 0, null)
    expect(await purgeOldOrders()).toBe(3)
    const left = await remaining()
    expect(left).toEqual(expect.arrayContaining([recentDone, running]))
    for (const gone of [oldDone, oldFailed, expired]) expect(left).not.toContain(gone)
    expect(await purgeOldOrders()).toBe(0)
  })

  // Its schedule is the job runner's (services/jobs/runner.int.test.ts runs the schedules).
  it('is part of the hourly housekeeping job', async () => {
    const old = await order('cancelled', 48, 48)
    await housekeeping()
    expect(await remaining()).not.toContain(old)
  })
})
