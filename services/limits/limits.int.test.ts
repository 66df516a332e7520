import postgres from 'postgres'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { freshDatabase } from '#tests/db.ts'
import type { Sql } from '../db/sql.server.ts'
import { startMailCatcher } from '../mail/catcher.server.ts'
import { sendDueMails } from '../mail/outbox.server.ts'
import { smtpSender } from '../mail/worker.server.ts'
import { limitsFrom, type LimitsConfig } from './config.ts'
import { deleteEndedWindows } from './limiter.server.ts'
import { checkSend } from './sends.server.ts'
import { checkUploadAllowance } from './uploads.server.ts'

let db: Sql
let other: Sql
let drop: () => Promise<void>
beforeAll(async () => {
  ;({ db, drop } = await freshDatabase())
  // A second pool on the same database, as a second portal host would have.
  other = postgres(process.env.DATABASE_URL!, { max: 4, onnotice: () => {} })
})
afterAll(async () => {
  await other.end()
  await drop()
})
beforeEach(async () => {
  await db`delete from rate_limits`
  await db`delete from outbox`
})

const MB = 1024 * 1024
const config = (env: Partial<Parameters<typeof limitsFrom>[0]> = {}): LimitsConfig => limitsFrom({
  RATE_LIMITS: 'on', SEND_LIMIT_PER_ADDRESS: 3, SEND_LIMIT_PER_SESSION: 2, SEND_LIMIT_WINDOW_MINUTES: 10,
  UPLOAD_LIMIT_MB_PER_ADDRESS: 5, UPLOAD_LIMIT_MB_PER_SESSION: 5, UPLOAD_LIMIT_WINDOW_MINUTES: 60,
  UPLOAD_BUDGET_MB_PER_DAY: 10, UPLOAD_BUDGET_ALERT_PERCENT: 80, UPLOAD_BUDGET_ALERT_EMAIL: 'drift@tyreso.se', ...env,
})
const client = (address: string, sessionHash: string | null = null, kiosk = false) => ({ address, sessionHash, kiosk })
/** Moves every counter an hour into the past, as if the window had run out. */
const windowsPass = () => db`update rate_limits set window_start = window_start - interval '1 hour', window_end = window_end - interval '1 hour'`

describe('send limits', () => {
  it('count one address across two database pools (two hosts) and refuse past the limit with when to retry', async () => {
    const cfg = config()
    const results = []
    for (const [i, pool] of [db, other, db, other].entries()) results.push(await checkSend(client('10.1.1.1', `s${i}`), cfg, pool))
    expect(results.map((r) => r.ok)).toEqual([true, true, true, false])
    const refused = results[3]!
    expect(refused.ok || refused.retryAfterSeconds).toBeGreaterThan(0)
    // At most two windows: this one, and the share of it that still weighs in the next.
    expect(refused.ok || refused.retryAfterSeconds).toBeLessThanOrEqual(1200)
    // Another address is not affected.
    expect((await checkSend(client('10.1.1.2', 'x'), cfg, other)).ok).toBe(true)
    // Nothing of the address itself is stored.
    const keys = (await db<{ key: string }[]>`select key from rate_limits`).map((r) => r.key)
    expect(keys.join(' ')).not.toContain('10.1.1')
  })

  it('lets exactly the limit through when sends race on two pools', async () => {
    const cfg = config({ SEND_LIMIT_PER_ADDRESS: 10, SEND_LIMIT_PER_SESSION: 100 })
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => checkSend(client('10.2.2.2', 'same'), cfg, i % 2 ? db : other)))
    expect(results.filter((r) => r.ok)).toHaveLength(10)
  })

  it('counts a session on its own (a new address does not help) and lets a kiosk’s many visitors share its address', async () => {
    const cfg = config()
    expect((await checkSend(client('10.3.0.1', 'sess'), cfg)).ok).toBe(true)
    expect((await checkSend(client('10.3.0.2', 'sess'), cfg)).ok).toBe(true)
    expect((await checkSend(client('10.3.0.3', 'sess'), cfg)).ok).toBe(false)
    for (let i = 0; i < 6; i++) expect((await checkSend(client('10.3.9.9', `visit${i}`, true), cfg)).ok).toBe(true)
  })

  it('reads the previous window with the current one, in the same round trip', async () => {
    const cfg = config({ SEND_LIMIT_PER_ADDRESS: 100 })
    for (let i = 0; i < 3; i++) await checkSend(client('10.4.4.5'), cfg)
    await db`update rate_limits set window_start = window_start - interval '10 minutes', window_end = window_end - interval '10 minutes'`
    const next = await checkSend(client('10.4.4.5'), cfg)
    expect(next.counted).toMatchObject([{ hits: 1, prevHits: 3 }])
  })

  it('starts afresh once the windows have passed, and housekeeping deletes windows no longer needed', async () => {
    const cfg = config()
    for (let i = 0; i < 3; i++) await checkSend(client('10.4.4.4'), cfg)
    expect((await checkSend(client('10.4.4.4'), cfg)).ok).toBe(false)
    await windowsPass()
    expect((await checkSend(client('10.4.4.4'), cfg)).ok).toBe(true)
    expect(await deleteEndedWindows(db)).toBe(1)
    expect(await db`select hits from rate_limits`).toEqual([{ hits: 1 }])
  })

  it('counts nothing when the limits are off', async () => {
    const cfg = config({ RATE_LIMITS: 'off' })
    for (let i = 0; i < 5; i++) expect((await checkSend(client('10.5.5.5', 's'), cfg)).ok).toBe(true)
    expect(await db`select 1 from rate_limits`).toHaveLength(0)
  })
})

describe('upload limits and the daily budget', () => {
  it('refuses bytes past a client’s limit, without using up the day’s budget for everyone', async () => {
    const cfg = config()
    expect(await checkUploadAllowance(client('10.6.6.6', 'a'), 3 * MB, cfg)).toEqual({ ok: true })
    const refused = await checkUploadAllowance(client('10.6.6.6', 'b'), 3 * MB, cfg, other)
    expect(refused).toMatchObject({ ok: false, reason: 'client' })
    const [day] = await db<{ bytes: string }[]>`select bytes from rate_limits where key = 'upload:day'`
    expect(Number(day!.bytes)).toBe(3 * MB)
  })

  it('alerts staff once over real SMTP when the share is crossed, and refuses calmly at the whole budget', async () => {
    const cfg = config()
    const catcher = await startMailCatcher()
    try {
      // Four clients of 2.5 MB each race on two pools: the fourth carries the total past 8 MB (80 %) to 10 MB.
      const first = await Promise.all(['a', 'b', 'c', 'd'].map((who, i) => checkUploadAllowance(client(`10.7.0.${i}`, who), 2.5 * MB, cfg, i % 2 ? db : other)))
      expect(first.every((r) => r.ok)).toBe(true)
      const over = await checkUploadAllowance(client('10.7.0.9', 'e'), 1 * MB, cfg)
      expect(over).toMatchObject({ ok: false, reason: 'budget' })
      expect(over.ok || over.retryAfterSeconds).toBeLessThanOrEqual(24 * 3600)
      // A page with no new files is never refused.
      expect(await checkUploadAllowance(client('10.7.0.9', 'e'), 0, cfg)).toEqual({ ok: true })

      expect((await sendDueMails(smtpSender(catcher.url, 'E-tjänster <no-reply@example.invalid>'))).sent).toBe(1)
      await checkUploadAllowance(client('10.7.1.1', 'f'), 1 * MB, cfg)
      expect((await sendDueMails(smtpSender(catcher.url))).sent).toBe(0)
      expect(catcher.mails).toHaveLength(1)
      expect(catcher.mails[0]).toMatchObject({ to: 'drift@tyreso.se', subject: expect.stringMatching(/^E-tjänsterna: \d+ % av dagens utrymme för bifogade filer är använt$/) })
      expect(catcher.mails[0]!.text).toContain('laddat upp 10 MB bifogade filer i e-tjänsterna hos Tyresö kommun, 100 % av dagens gräns på 10 MB')
    } finally {
      await catcher.stop()
    }
  })
})
