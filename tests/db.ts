import { randomBytes } from 'node:crypto'
import postgres from 'postgres'
import { migrate } from '#services/db/migrate.server.ts'
import { closeSql, sql, type Sql } from '#services/db/sql.server.ts'
import { setEnv } from '#services/env.server.ts'

/**
 * A fresh, migrated database for one test file; the process-wide `sql()` pool points at it (the DATABASE_URL
 * setting), so the services under test use it exactly as the portal would, and so do the processes the test
 * starts (its environment's DATABASE_URL). `migrated: false` leaves it empty (the
 * migration tests).
 */
export async function freshDatabase(opts: { migrated?: boolean } = {}): Promise<{ db: Sql; url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.TEST_ADMIN_DATABASE_URL ?? process.env.DATABASE_URL
  if (!adminUrl) throw new Error('No database: run through vitest --project integration')
  const name = `t_${randomBytes(6).toString('hex')}`
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
  await admin.unsafe(`create database ${name}`)
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  setEnv({ DATABASE_URL: url.toString() })
  process.env.DATABASE_URL = url.toString()
  const db = sql()
  if (opts.migrated !== false) await migrate(db)
  return {
    db,
    url: url.toString(),
    async drop() {
      await closeSql()
      await admin.unsafe(`drop database if exists ${name} with (force)`)
      await admin.end()
    },
  }
}
