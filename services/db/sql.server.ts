import postgres from 'postgres'
import { env } from '../env.server.ts'

export type Sql = postgres.Sql
export type Tx = postgres.TransactionSql

const g = globalThis as typeof globalThis & { __portalSql?: Sql }

/**
 * The one postgres.js pool of the process, created on first use from DATABASE_URL (which the start
 * script sets to the embedded server's through setEnv when the environment gives none). Kept on globalThis
 * so the dev server's module reloads do not open a new pool each time.
 */
export function sql(): Sql {
  if (!g.__portalSql) {
    const { DATABASE_URL: url, DATABASE_POOL_SIZE } = env()
    if (!url) throw new Error('DATABASE_URL is not set')
    g.__portalSql = postgres(url, {
      max: DATABASE_POOL_SIZE,
      onnotice: () => {},
      // A dead database must fail a request quickly so the 503 page shows, not hang it.
      connect_timeout: 5,
      idle_timeout: 60,
      // /metrics counts the portal's connections in pg_stat_activity by this name.
      connection: { application_name: 'e-tjanster' },
    })
  }
  return g.__portalSql
}

export async function closeSql(): Promise<void> {
  const s = g.__portalSql
  g.__portalSql = undefined
  await s?.end({ timeout: 5 })
}
