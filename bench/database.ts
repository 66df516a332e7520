import postgres from 'postgres'
import { startEmbeddedPostgres, type EmbeddedDb } from '#services/db/embedded.server.ts'
import { migrate } from '#services/db/migrate.server.ts'
import { closeSql, sql } from '#services/db/sql.server.ts'
import { env, setEnv } from '#services/env.server.ts'

/**
 * A bench database named `name` on the server DATABASE_URL names (else embedded PostgreSQL under `dir`),
 * created when missing; `fresh` drops an existing one first.
 */
export async function benchDatabase(name: string, opts: { dir: string; port: number; fresh?: boolean }): Promise<{ url: string; embedded?: EmbeddedDb }> {
  let admin = env().DATABASE_URL
  let embedded: EmbeddedDb | undefined
  if (!admin) {
    embedded = await startEmbeddedPostgres({ dir: opts.dir, port: opts.port, database: 'postgres' })
    admin = embedded.url
  }
  const a = postgres(admin, { max: 1, onnotice: () => {} })
  const [exists] = await a`select 1 from pg_database where datname = ${name}`
  if (exists && opts.fresh) await a.unsafe(`drop database ${name} with (force)`)
  if (!exists || opts.fresh) await a.unsafe(`create database ${name}`)
  await a.end()
  const url = new URL(admin)
  url.pathname = `/${name}`
  return { url: url.toString(), embedded }
}

/** The p-th percentile (nearest rank) of ascending `sorted` timings. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

/**
 * A bench script's main: `body` runs with DATABASE_URL on the migrated bench database `database` gives; the pool
 * and any embedded PostgreSQL are closed after, and a failure is printed and exits 1.
 */
export function runOnBenchDatabase(database: () => Promise<{ url: string; embedded?: EmbeddedDb }>, body: () => Promise<void>): void {
  const run = async () => {
    const { url, embedded } = await database()
    setEnv({ DATABASE_URL: url })
    try {
      await migrate(sql())
      await body()
    } finally {
      await closeSql()
      await embedded?.stop()
    }
  }
  run().catch((e: unknown) => {
    console.error(e)
    process.exit(1)
  })
}
