import { request as httpRequest } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { draftOverHttp, sendOverHttp } from '#bench/drafts.ts'
import { freshDatabase } from '#tests/db.ts'
import { startPortal } from '#tests/portal-app.ts'
import { log, redirectLogs, withLogContext } from '#services/log/logger.server.ts'
import type { Sql } from '#services/db/sql.server.ts'

// The real portal over HTTP on a database of its own, with its log lines captured as the process writes them.
let db: Sql
let drop: () => Promise<void>
let portal: Awaited<ReturnType<typeof startPortal>>
const lines: string[] = []
let restore: () => void
beforeAll(async () => {
  ;({ db, drop } = await freshDatabase())
  restore = redirectLogs({ write: (line: string) => lines.push(line) })
  portal = await startPortal()
  // Vite compiles the routes on first use; a first page view keeps that out of the tests' time.
  expect((await get('/e-tjanster/felanmalan/kategori')).status).toBe(200)
})
afterAll(async () => {
  restore?.()
  await portal?.close()
  await drop()
})

const parsed = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>)
/** Waits for the request's log line, which is written when the response has gone. */
async function lineFor(reqId: string) {
  for (let i = 0; i < 100; i++) {
    const found = parsed().find((l) => l.reqId === reqId && l.msg === 'request')
    if (found) return found
    await new Promise((r) => setImmediate(r))
  }
  throw new Error(`no request line for ${reqId}`)
}

/** A GET on a connection of its own, with the headers given (fetch would not let a test set Forwarded). */
function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    httpRequest(`${portal.base}${path}`, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }))
    }).on('error', reject).end()
  })
}

describe('request ids', () => {
  it('keep a well-formed incoming X-Request-Id, replace a malformed one, and are on the request’s log line', async () => {
    const kept = await get('/e-tjanster/felanmalan/kategori', { 'x-request-id': 'proxy-id-0123456789' })
    expect(kept.status).toBe(200)
    expect(kept.headers['x-request-id']).toBe('proxy-id-0123456789')
    expect(await lineFor('proxy-id-0123456789')).toMatchObject({ level: 'info', method: 'GET', route: '/e-tjanster/:formId/:pageId', status: 200 })

    const replaced = await get('/healthz', { 'x-request-id': 'bad id with spaces <script>' })
    const id = replaced.headers['x-request-id'] as string
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    expect(await lineFor(id)).toMatchObject({ route: '/healthz', status: 200 })
    expect(lines.join('')).not.toContain('<script>')
  })

  it('go on every line written while the request is served, and SQL errors are logged with them, without values', async () => {
    const secret = '198112189876'
    await withLogContext({ reqId: 'sql-error-test-0001' }, async () => {
      const err = await db`select ${secret}::uuid`.catch((e: unknown) => e)
      log.error({ err }, 'query failed')
    })
    const line = parsed().find((l) => l.reqId === 'sql-error-test-0001')
    expect(line).toMatchObject({ level: 'error', msg: 'query failed', err: { code: '22P02', type: 'PostgresError' } })
    expect(JSON.stringify(line)).toContain('invalid input syntax for type uuid')
    expect(JSON.stringify(line)).not.toContain(secret)
  })
})

describe('personal data', () => {
  it('never reaches a log line when a citizen files a report with a personnummer, name, e-mail and answer in it', async () => {
    const PNR = '19121212-1212'
    const NAME = 'Greta Loggfri'
    const EMAIL = 'greta.loggfri@example.se'
    const ANSWER = `Lampan vid Stålvägen 12 är trasig sedan i fredags, mitt personnummer är ${PNR}`
    const before = lines.length
    const draft = await draftOverHttp(portal.base, 1, { description: ANSWER, contact: { name: NAME, email: EMAIL, phone: '070-123 45 67' } })
    const sent = await sendOverHttp(portal.base, draft)
    expect(sent.status).toBe(302)
    expect(sent.headers.get('location')).toMatch(/^\/e-tjanster\/felanmalan\/kvitto\//)
    // The case is in the database with the answers as filed, so the values were there to leak.
    const [row] = await db<{ answers: { description: string; name: string } }[]>`select answers from cases order by received_at desc limit 1`
    expect(row!.answers.description).toBe(ANSWER)
    // Ill-formed contact details are an error path too: the refusal must not log what was typed.
    await fetch(`${portal.base}/e-tjanster/felanmalan/kontakt`, {
      method: 'POST', redirect: 'manual', body: new URLSearchParams({ _csrf: 'wrong', name: NAME, email: `${PNR}@`, phone: PNR }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: draft.cookie, origin: portal.base, 'x-request-id': 'refused-contact-01' },
    }).then((r) => r.arrayBuffer())
    await lineFor('refused-contact-01')
    const written = lines.slice(before).join('')
    // The journey was logged (the pages and the send), so an empty log cannot pass this test.
    expect(parsed().slice(before).filter((l) => l.msg === 'request' && l.route === '/e-tjanster/:formId/:pageId').length).toBeGreaterThanOrEqual(5)
    for (const value of [PNR, PNR.replace('-', ''), '121212-1212', NAME, 'Loggfri', EMAIL, 'Stålvägen', 'trasig sedan', '070-123 45 67'])
      expect(written).not.toContain(value)
  })

  it('cuts personal keys a caller passes and masks a personnummer or address typed into a message', () => {
    const before = lines.length
    log.warn({ personnummer: '191212121212', applicant: { name: 'Greta', email: 'g@example.se' }, answers: { a: 1 } }, 'check for 191212121212 from g@example.se')
    const written = lines.slice(before).join('')
    expect(written).not.toMatch(/191212121212|Greta|g@example\.se/)
    expect(JSON.parse(written)).toMatchObject({ personnummer: '[redacted]', msg: 'check for [personnummer] from [e-post]' })
  })
})

describe('/metrics', () => {
  it('answers this machine in Prometheus text with requests by route pattern, receipts, queue depth and outbox', async () => {
    const r = await get('/metrics')
    expect(r.status).toBe(200)
    expect(r.headers['content-type']).toMatch(/^text\/plain;.*version=0\.0\.4/)
    expect(r.body).toMatch(/portal_http_requests_total\{method="GET",route="\/e-tjanster\/:formId\/:pageId",status="200"\} \d+/)
    expect(r.body).toMatch(/portal_http_request_duration_seconds_bucket\{le="0.5",method="GET",route="\/healthz"\} \d+/)
    expect(r.body).toContain('portal_cases_received_total{form="felanmalan"} 1')
    // The report above waits in its team's queue; its receipt e-mail waits in the outbox.
    expect(r.body).toMatch(/portal_queue_depth\{team="[a-z-]+",status="new"\} 1/)
    expect(r.body).toMatch(/portal_outbox_backlog \d+/)
    expect(r.body).toContain('portal_outbox_failed 0')
    expect(r.body).toContain('portal_database_up 1')
    expect(r.body).toMatch(/portal_database_connections\{state="active"\} [1-9]/)
    // No path with a case number or id becomes a label.
    expect(r.body).not.toMatch(/route="[^"]*\d{4}/)
  })

  it('is the ordinary 404 page for a request that came through a proxy, and for addresses not in METRICS_ALLOW', async () => {
    const proxied = await get('/metrics', { 'x-forwarded-for': '203.0.113.9' })
    expect(proxied.status).toBe(404)
    expect(proxied.body).not.toContain('portal_')
    const { metricsAllowList } = await import('./metrics-endpoint.ts')
    const list = metricsAllowList('10.0.0.0/8, ::1')
    expect(list.check('10.1.2.3', 'ipv4')).toBe(true)
    expect(list.check('127.0.0.1', 'ipv4')).toBe(false)
    expect(() => metricsAllowList('localhost')).toThrow(/METRICS_ALLOW: "localhost"/)
  })
})

describe('/readyz', () => {
  it('is 200 when every migration is applied and 503 while one is pending', async () => {
    const ok = await get('/readyz')
    expect([ok.status, JSON.parse(ok.body)]).toEqual([200, { status: 'ok', db: 'ok', migrations: 'ok' }])
    const [last] = await db<{ name: string }[]>`delete from schema_migrations where name = (select max(name) from schema_migrations) returning name`
    try {
      const pending = await get('/readyz')
      expect(pending.status).toBe(503)
      expect(JSON.parse(pending.body)).toMatchObject({ migrations: 'pending', pending: [last!.name] })
      // Liveness is not readiness: the process is alive and need not be restarted.
      expect((await get('/healthz')).status).toBe(200)
    } finally {
      await db`insert into schema_migrations (name) values (${last!.name})`
    }
  })
})
