import { spawn } from 'node:child_process'
import { request as httpRequest } from 'node:http'
import { createInterface } from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDatabase } from '#tests/db.ts'
import type { Sql } from '#services/db/sql.server.ts'

let db: Sql
let url: string
let drop: () => Promise<void>
beforeAll(async () => ({ db, url, drop } = await freshDatabase()))
afterAll(() => drop())

type Outcome = { id: string; path: string; answeredAfterStop: boolean; status?: number; error?: string }

let sent = 0
/** One GET on a connection of its own (no keep-alive) with an id of its own, noting whether it was answered after SIGTERM. */
function get(base: string, path: string, stopped: () => boolean): Promise<Outcome> {
  const id = `shutdown-test-${++sent}`
  return new Promise((done) => {
    httpRequest(`${base}${path}`, { agent: false, headers: { 'x-request-id': id } }, (res) => {
      res.resume()
      res.on('end', () => done({ id, path, answeredAfterStop: stopped(), status: res.statusCode }))
    }).on('error', (e: NodeJS.ErrnoException) => done({ id, path, answeredAfterStop: stopped(), error: e.code ?? e.message })).end()
  })
}

describe('SIGTERM', () => {
  it('drains in-flight requests under load, stops the jobs, closes the pool and exits 0', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/shutdown-portal.ts'], {
      env: { ...process.env, DATABASE_URL: url, SHUTDOWN_TIMEOUT_SECONDS: '20' }, stdio: ['ignore', 'pipe', 'inherit'],
    })
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)))
    const lines: Record<string, unknown>[] = []
    const waiters: (() => void)[] = []
    createInterface({ input: child.stdout! }).on('line', (l) => {
      lines.push(JSON.parse(l) as Record<string, unknown>)
      waiters.forEach((w) => w())
    })
    const until = (test: () => boolean) => new Promise<void>((r) => {
      if (test()) return r()
      waiters.push(() => test() && r())
    })
    await until(() => lines.some((l) => l.msg === 'listening'))
    const base = `http://127.0.0.1:${lines.find((l) => l.msg === 'listening')!.port as number}`

    let stopped = false
    const outcomes: Outcome[] = []
    // Steady load: four clients, each sending the next request as soon as the last is answered, until refused.
    const client = async () => {
      for (;;) {
        const o = await get(base, '/healthz', () => stopped)
        outcomes.push(o)
        if (o.error) return
      }
    }
    const load = Promise.all([client(), client(), client(), client()])
    await until(() => outcomes.filter((o) => o.status === 200).length >= 40)

    // Five slow requests in flight, each holding a database query, when SIGTERM arrives.
    const slow = Promise.all(Array.from({ length: 5 }, () => get(base, '/slow', () => stopped)))
    await until(() => lines.filter((l) => l.msg === 'slow request started').length === 5)
    stopped = true
    child.kill('SIGTERM')

    const slowOutcomes = await slow
    await load
    expect(await exited).toBe(0)

    // Every request in flight at SIGTERM was answered, after it, with 200.
    expect(slowOutcomes.map((o) => [o.status, o.answeredAfterStop])).toEqual(Array(5).fill([200, true]))
    // Under load every request the portal received was answered 200: each has its log line, and no
    // request line says anything else (a connection cut under a request would be logged as 499).
    const logged = new Map(lines.filter((l) => l.msg === 'request').map((l) => [l.reqId as string, l.status as number]))
    expect(outcomes.filter((o) => o.status !== undefined && (o.status !== 200 || logged.get(o.id) !== 200))).toEqual([])
    expect([...logged.values()].filter((s) => s !== 200)).toEqual([])
    // Each client ends at its first failure: a connection the closed port refused, or one still waiting in
    // the kernel's accept queue when the port closed (reset) — requests the portal never received.
    const failed = outcomes.filter((o) => o.error)
    expect(failed.length).toBe(4)
    expect(failed.filter((o) => !['ECONNREFUSED', 'ECONNRESET'].includes(o.error!) || logged.has(o.id))).toEqual([])
    // The stop sequence ran to its end, and the pool's connections are gone from the server.
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['shutdown: stopping', 'shutdown: done']))
    expect(lines.filter((l) => l.level !== 'info')).toEqual([])
    const [left] = await db<{ n: number }[]>`select count(*)::int as n from pg_stat_activity
      where datname = current_database() and application_name = 'e-tjanster' and pid <> pg_backend_pid()`
    expect(left!.n).toBe(0)
  })
})
