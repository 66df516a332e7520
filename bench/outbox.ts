import { performance } from 'node:perf_hooks'
import { runMigrations } from 'graphile-worker'
import { migrate } from '#services/db/migrate.server.ts'
import { closeSql, sql } from '#services/db/sql.server.ts'
import { startJobs } from '#services/jobs/runner.server.ts'
import { startMailCatcher } from '#services/mail/catcher.server.ts'
import { smtpSender } from '#services/mail/worker.server.ts'
import { benchDatabase } from './database.ts'
import { benchEnv, setEnv } from '#services/env.server.ts'

/**
 * `npm run bench:outbox` (ADR 027): what the job queue costs the outbox. Queues BENCH_MAILS (2,000) mails, each in
 * its own transaction from 10 connections at once (as receipts do), first before the job queue's schema exists
 * (the wake-up trigger does nothing) and then with a job runner sending them over SMTP to the mail catcher as
 * they come (each insert wakes it when no wake-up waits); times until the last is sent, and the time from one
 * mail's commit to its arrival.
 */
const MAILS = benchEnv().BENCH_MAILS
const CONCURRENCY = 10
const payload = (i: number) => ({ to: `bench${i}@example.invalid`, subject: `Bench ${i}`, text: 'Hej!' })

async function queue(label: string, from: number): Promise<void> {
  const t0 = performance.now()
  let next = from
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < from + MAILS) {
      const i = next++
      await sql().begin((tx) => tx`insert into outbox (kind, payload) values ('email', ${tx.json(payload(i))})`)
    }
  }))
  const ms = performance.now() - t0
  console.info(`${label}: ${MAILS} mails queued in ${(ms / 1000).toFixed(1)} s, ${(ms / MAILS * CONCURRENCY).toFixed(2)} ms per insert transaction (${Math.round(MAILS / (ms / 1000))}/s)`)
}

async function main() {
  const { url, embedded } = await benchDatabase('bench_outbox', { dir: '.data/pg-bench-outbox', port: 54383, fresh: true })
  setEnv({ DATABASE_URL: url })
  const catcher = await startMailCatcher()
  try {
    await migrate(sql())
    await queue('Without the job queue', 0)
    // Those are not to be sent: only the second lot is.
    await sql()`update outbox set sent_at = now()`
    await runMigrations({ connectionString: url })
    const jobs = await startJobs({ send: smtpSender(catcher.url, 'Bench <no-reply@example.invalid>') })
    try {
      const t0 = performance.now()
      await queue('With a job runner sending meanwhile', MAILS)
      for (;;) {
        const [row] = await sql()<{ left: number }[]>`select count(*)::int as left from outbox where sent_at is null`
        if (!row!.left) break
        await new Promise((r) => setTimeout(r, 100))
      }
      const s = (performance.now() - t0) / 1000
      console.info(`All ${MAILS} sent over SMTP ${s.toFixed(1)} s after the first was queued (${Math.round(MAILS / s)} mails/s), one job runner`)

      const latencies: number[] = []
      for (let i = 0; i < 20; i++) {
        const subject = `Latency ${i}`
        const start = performance.now()
        await sql()`insert into outbox (kind, payload) values ('email', ${sql().json({ to: 'l@example.invalid', subject, text: 'Hej!' })})`
        while (!catcher.mails.some((m) => m.subject === subject)) await new Promise((r) => setTimeout(r, 2))
        latencies.push(performance.now() - start)
      }
      latencies.sort((a, b) => a - b)
      console.info(`Commit to caught, one mail at a time: p50 ${latencies[10]!.toFixed(0)} ms, max ${latencies[19]!.toFixed(0)} ms`)
    } finally {
      await jobs.stop()
    }
  } finally {
    await catcher.stop()
    await closeSql()
    await embedded?.stop()
  }
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
