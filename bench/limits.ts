import { performance } from 'node:perf_hooks'
import { sql } from '#services/db/sql.server.ts'
import { benchEnv, readEnv } from '#services/env.server.ts'
import { limitsFrom } from '#services/limits/config.ts'
import { checkSend } from '#services/limits/sends.server.ts'
import { checkUploadAllowance } from '#services/limits/uploads.server.ts'
import { benchDatabase, percentile, runOnBenchDatabase } from './database.ts'

/**
 * `npm run bench:limits` (issue 10): what the abuse limits add to one request. With RATE_LIMITS=off a send
 * or an upload is not counted at all, so the limiter's whole cost per request is its statement; it is timed
 * here against a bare round trip (`select 1`) on the same pool, one request at a time and 20 at once, for one
 * busy address (every request updates the same rows) and for many addresses. `npm run bench` gives the same
 * comparison end to end (`RATE_LIMITS=off npm run bench`), where the machine's noise is larger than the limiter.
 */
const N = benchEnv().BENCH_LIMIT_REQUESTS
const cfg = limitsFrom({ ...readEnv(), RATE_LIMITS: 'on', SEND_LIMIT_PER_ADDRESS: 1e9, SEND_LIMIT_PER_SESSION: 1e9, UPLOAD_LIMIT_MB_PER_ADDRESS: 1e9, UPLOAD_LIMIT_MB_PER_SESSION: 1e9, UPLOAD_BUDGET_MB_PER_DAY: 1e9 })

type Figures = { p50: number; p95: number; p99: number }

function percentiles(ms: number[]): Figures {
  const s = [...ms].sort((a, b) => a - b)
  return { p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99) }
}

/** Times `n` calls of `op`, `parallel` at a time. */
async function time(n: number, parallel: number, op: (i: number) => Promise<unknown>): Promise<Figures> {
  const ms: number[] = []
  let next = 0
  await Promise.all(Array.from({ length: parallel }, async () => {
    while (next < n) {
      const i = next++
      const t = performance.now()
      await op(i)
      ms.push(performance.now() - t)
    }
  }))
  return percentiles(ms)
}

const fmt = (f: Figures) => `p50 ${f.p50.toFixed(2)} ms, p95 ${f.p95.toFixed(2)} ms, p99 ${f.p99.toFixed(2)} ms`

runOnBenchDatabase(() => benchDatabase('bench_limits', { dir: '.data/pg-bench-limits', port: 54383, fresh: true }), async () => {
  const client = (i: number, busy: boolean) => ({ address: busy ? '10.0.0.1' : `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, sessionHash: busy ? 'one' : `s${i}`, kiosk: false })
  // Warm the pool and the plans.
  await time(200, 4, (i) => checkSend(client(i, false), cfg))
  const rows: [string, Figures][] = []
  for (const parallel of [1, 20]) {
    rows.push([`bare round trip (select 1), ${parallel} at once`, await time(N, parallel, () => sql()`select 1`)])
    rows.push([`send limit, one address, ${parallel} at once`, await time(N, parallel, (i) => checkSend(client(i, true), cfg))])
    rows.push([`send limit, many addresses, ${parallel} at once`, await time(N, parallel, (i) => checkSend(client(i, false), cfg))])
    rows.push([`upload limit + day budget, many addresses, ${parallel} at once`, await time(N, parallel, (i) => checkUploadAllowance(client(i, false), 100_000, cfg))])
  }
  console.info(`Abuse limits per request (${N} requests each):`)
  for (const [name, f] of rows) console.info(`  ${name.padEnd(58)} ${fmt(f)}`)
})
