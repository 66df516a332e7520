import client from 'prom-client'
import { sql } from '../db/sql.server.ts'
import { env } from '../env.server.ts'
import { OPEN_STATUSES } from '../cases/state.ts'
import { log } from '../log/logger.server.ts'

/**
 * The portal's Prometheus metrics (issue 15), in prom-client's default registry. Counters and histograms
 * count in the process that saw the event; with several HTTP workers /metrics sums them over the workers
 * (cluster.server.ts). Gauges read from PostgreSQL describe the whole portal, so each worker reports the
 * same figure and the sum would be wrong: they are aggregated with `max` instead.
 */
function create() {
  const register = client.register
  client.collectDefaultMetrics({ register })

  const httpRequests = new client.Counter({
    name: 'portal_http_requests_total', help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
  })
  const httpDuration = new client.Histogram({
    name: 'portal_http_request_duration_seconds', help: 'Time from a request arriving to its response being sent',
    labelNames: ['method', 'route'] as const, buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  })
  const receipts = new client.Counter({
    name: 'portal_cases_received_total', help: 'Cases received (a replayed send is not counted again), by e-service',
    labelNames: ['form'] as const,
  })
  const bankIdOutcomes = new client.Counter({
    name: 'portal_bankid_orders_total', help: 'BankID orders that came to an end, by purpose and outcome',
    labelNames: ['purpose', 'outcome'] as const,
  })

  // One query per scrape gives every database gauge; the gauges' collect functions share it.
  let snapshot: Promise<Snapshot> | undefined
  const read = () => (snapshot ??= readSnapshot().finally(() => setTimeout(() => (snapshot = undefined), 500).unref()))
  const dbGauge = <L extends string>(name: string, help: string, labelNames: L[], fill: (g: client.Gauge<L>, s: Snapshot) => void) =>
    new client.Gauge<L>({
      name, help, labelNames, aggregator: 'max',
      async collect() {
        const s = await read()
        this.reset()
        // Without the database only portal_database_up speaks: a zero backlog would be a guess.
        if (s.up || name === 'portal_database_up') fill(this, s)
      },
    })
  dbGauge('portal_database_up', 'Whether the metrics query reached the database (1) or not (0)', [], (g, s) => g.set(s.up))
  dbGauge('portal_queue_depth', 'Open cases by team and status', ['team', 'status'], (g, s) => {
    for (const q of s.queue) g.set({ team: q.team, status: q.status }, q.n)
  })
  dbGauge('portal_outbox_backlog', 'E-mails waiting to be sent (including those being retried)', [], (g, s) => g.set(s.backlog))
  dbGauge('portal_outbox_retrying', 'E-mails waiting after at least one failed attempt', [], (g, s) => g.set(s.retrying))
  dbGauge('portal_outbox_failed', 'E-mails given up after every attempt failed (shown to admins on the outbox page)', [], (g, s) => g.set(s.failed))
  dbGauge('portal_database_connections', "The portal's connections to PostgreSQL, over all its processes, by state", ['state'], (g, s) => {
    for (const c of s.connections) g.set({ state: c.state }, c.n)
  })
  new client.Gauge({
    name: 'portal_database_pool_max', help: 'Connections one process may open (DATABASE_POOL_SIZE); summed over the workers',
    collect() {
      this.set(env().DATABASE_POOL_SIZE)
    },
  })
  return { register, httpRequests, httpDuration, receipts, bankIdOutcomes }
}

type Snapshot = {
  up: number
  queue: { team: string; status: string; n: number }[]
  backlog: number
  retrying: number
  failed: number
  connections: { state: string; n: number }[]
}

async function readSnapshot(): Promise<Snapshot> {
  try {
    const db = sql()
    // application_name is set on the pool (sql.server.ts), so the portal's connections can be told apart.
    const rows = await db<{ k: string; a: string; b: string; n: number }[]>`
      select 'queue' as k, coalesce(team, '') as a, status as b, count(*)::int as n from case_state
        where status in ${db([...OPEN_STATUSES])} group by team, status
      union all
      select 'outbox', case when last_error is null then 'fresh' else 'retrying' end, '', count(*)::int from outbox
        where sent_at is null and failed_at is null group by 2
      union all
      select 'failed', '', '', count(*)::int from outbox where failed_at is not null and sent_at is null
      union all
      select 'conn', coalesce(state, 'unknown'), '', count(*)::int from pg_stat_activity
        where datname = current_database() and application_name = current_setting('application_name') group by 2`
    const of = (k: string) => rows.filter((r) => r.k === k)
    const outbox = of('outbox')
    return {
      up: 1,
      queue: of('queue').map((r) => ({ team: r.a, status: r.b, n: r.n })),
      backlog: outbox.reduce((a, r) => a + r.n, 0),
      retrying: outbox.find((r) => r.a === 'retrying')?.n ?? 0,
      failed: of('failed')[0]?.n ?? 0,
      connections: of('conn').map((r) => ({ state: r.a, n: r.n })),
    }
  } catch (e) {
    log.warn({ err: e }, 'metrics: the database could not be read')
    return { up: 0, queue: [], backlog: 0, retrying: 0, failed: 0, connections: [] }
  }
}

// Once per process: Vite's module copies and the dev server's reloads must not register the metrics twice.
const g = globalThis as typeof globalThis & { __portalMetrics?: ReturnType<typeof create> }
export const metrics = (): ReturnType<typeof create> => (g.__portalMetrics ??= create())

/** Counts a receipt; the receiving code calls it after the transaction committed. */
export function countReceipt(form: string): void {
  metrics().receipts.inc({ form })
}

export type BankIdOutcome = 'complete' | 'failed' | 'expired' | 'cancelled'
export function countBankIdOutcome(purpose: string, outcome: BankIdOutcome): void {
  metrics().bankIdOutcomes.inc({ purpose, outcome })
}
