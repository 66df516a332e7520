import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import postgres from 'postgres'
import { draftOverHttp, sendOverHttp, type ReadyDraft } from '#bench/drafts.ts'
import { startEmbeddedPostgres, type EmbeddedDb } from '#services/db/embedded.server.ts'
import { expect, test } from './fixtures.ts'
import { E2E_PORT } from './kiosk-helpers.ts'

/**
 * Issue 10's fault test: the portal process is killed (SIGKILL, no chance to clean up) while 100 reports are
 * being sent at once, and started again on the same database. Every send that got a receipt is stored exactly
 * once, no idempotency key twice, case numbers stay gapless, and the sends that got no answer can be repeated.
 */
const PORT = E2E_PORT + 80
const base = `http://localhost:${PORT}`
const SENDS = 100

let embedded: EmbeddedDb | undefined
let admin: postgres.Sql
let dbName: string
let dbUrl: string
let portal: ChildProcess | undefined

/** One process (node with tsx as a loader), so SIGKILL hits the server itself and nothing survives it. */
async function startPortal(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/start.ts'], {
    env: {
      ...process.env, DATABASE_URL: dbUrl, PORT: String(PORT), APP_ENV: 'test', NODE_ENV: 'production', WEB_CONCURRENCY: '1',
      // A hundred sends from this one address: the abuse limits are raised for this test.
      SEND_LIMIT_PER_ADDRESS: '100000', SEND_LIMIT_PER_SESSION: '100000',
    },
    stdio: 'ignore',
  })
  for (let i = 0; i < 600; i++) {
    if ((await fetch(`${base}/healthz`).then((r) => r.status, () => 0)) === 200) return child
    await new Promise((r) => setTimeout(r, 200))
  }
  child.kill('SIGKILL')
  throw new Error(`the portal on port ${PORT} did not start`)
}

test.beforeAll(async () => {
  test.setTimeout(180_000)
  let serverUrl = process.env.DATABASE_URL
  if (!serverUrl) {
    embedded = await startEmbeddedPostgres({ dir: '.data/pg-e2e-crash', port: 54399, database: 'postgres' })
    serverUrl = embedded.url
  }
  admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
  dbName = `crash_${randomBytes(4).toString('hex')}`
  await admin.unsafe(`create database ${dbName}`)
  const url = new URL(serverUrl)
  url.pathname = `/${dbName}`
  dbUrl = url.toString()
})
test.afterAll(async () => {
  portal?.kill('SIGKILL')
  await admin.unsafe(`drop database if exists ${dbName} with (force)`)
  await admin.end()
  await embedded?.stop()
})

type Outcome = { draft: ReadyDraft; receipt: string | null }

const send = (d: ReadyDraft) => sendOverHttp(base, d)
const receiptOf = (r: Response) => /\/kvitto\/(FEL-\d{4}-\d{6})$/.exec(r.headers.get('location') ?? '')?.[1] ?? null

test('a portal killed during 100 concurrent sends and restarted has stored every receipted send exactly once', async () => {
  test.setTimeout(600_000)
  portal = await startPortal()
  // Each visitor files the four pages over HTTP with a session of its own, as a browser would.
  const drafts: ReadyDraft[] = []
  for (let i = 0; i < SENDS; i += 10) drafts.push(...await Promise.all(Array.from({ length: 10 }, (_, j) => draftOverHttp(base, i + j))))

  // All at once; the process is killed as soon as some receipts are out and others are still in flight.
  let receipts = 0
  let killed = false
  const running = portal
  const outcomes: Promise<Outcome>[] = drafts.map(async (draft) => {
    try {
      const r = await send(draft)
      await r.arrayBuffer()
      const receipt = r.status === 302 ? receiptOf(r) : null
      if (receipt && ++receipts >= 10 && !killed) {
        killed = true
        running.kill('SIGKILL')
      }
      return { draft, receipt }
    } catch {
      return { draft, receipt: null }
    }
  })
  const settled = await Promise.all(outcomes)
  expect(killed).toBe(true)
  await new Promise<void>((done) => (running.exitCode !== null || running.signalCode !== null ? done() : running.once('exit', () => done())))
  const receipted = settled.filter((o) => o.receipt)
  // The kill came mid-way: some sends were answered, some were not.
  expect(receipted.length).toBeGreaterThanOrEqual(10)
  expect(receipted.length).toBeLessThan(SENDS)

  portal = await startPortal()
  const db = postgres(dbUrl, { max: 1, onnotice: () => {} })
  try {
    const ids = drafts.map((d) => d.draftId)
    type Row = { key: string; number: string }
    const stored = await db<Row[]>`select idempotency_key::text as key, number from cases where idempotency_key = any(${ids}::uuid[])`
    const byKey = new Map(stored.map((r) => [r.key, r.number]))
    // Every receipt names a case that is there, under its own draft.
    for (const o of receipted) expect(byKey.get(o.draft.draftId)).toBe(o.receipt)
    // No idempotency key twice, no case number twice.
    expect(new Set(stored.map((r) => r.key)).size).toBe(stored.length)
    expect(new Set(stored.map((r) => r.number)).size).toBe(stored.length)

    // A browser whose send got no answer sends again: each gets a receipt, the answered ones their first one.
    for (const o of settled) {
      const r = await send(o.draft)
      expect(r.status).toBe(302)
      const receipt = receiptOf(r)
      expect(receipt).not.toBeNull()
      if (o.receipt) expect(receipt).toBe(o.receipt)
    }
    const all = await db<Row[]>`select idempotency_key::text as key, number from cases where idempotency_key = any(${ids}::uuid[])`
    expect(all).toHaveLength(SENDS)
    // Gapless: every felanmälan number of the year from 1 up, and the counter ends where the cases do.
    const year = all[0]!.number.slice(4, 8)
    const numbers = (await db<{ number: string }[]>`select number from cases where number like ${`FEL-${year}-%`}`)
      .map((r) => Number(r.number.slice(-6))).sort((a, b) => a - b)
    expect(numbers).toEqual(numbers.map((_, i) => i + 1))
    const [counter] = await db<{ last: number }[]>`select last from case_number_counters where prefix = 'FEL' and year = ${Number(year)}`
    expect(counter!.last).toBe(numbers.length)
  } finally {
    await db.end()
  }
})
