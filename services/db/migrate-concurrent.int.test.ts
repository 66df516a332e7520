import { spawnSync } from 'node:child_process'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDatabase } from '#tests/db.ts'
import { migrate, migrationNames } from './migrate.server.ts'
import type { Sql } from './sql.server.ts'

// Migrations as a rolling deploy runs them: several processes starting at once, and a migration that fails.
let db: Sql
let url: string
let drop: () => Promise<void>
beforeAll(async () => ({ db, url, drop } = await freshDatabase({ migrated: false })))
afterAll(() => drop())

// The database is empty for the first test and migrated by the second.
describe('npm run db:migrate', () => {
  it('exits non-zero naming the migration that failed and PostgreSQL’s reason, and applies nothing', async () => {
    try {
      // A table in the way of the first migration, as a hand-made change on a server would be.
      await db`create table staff (x int)`
      const r = spawnSync('npm', ['run', '--silent', 'db:migrate'], { env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8', timeout: 60_000 })
      expect(r.status).toBe(1)
      expect(r.stderr).toContain('db:migrate: Migration 00001_initial failed: relation "staff" already exists. Nothing was applied')
      expect(r.stderr).not.toMatch(/\n\s+at /)
      // The whole run is one transaction: not even the bookkeeping table is left behind.
      expect((await db`select to_regclass('schema_migrations') as t`)[0]!.t).toBeNull()
    } finally {
      await db`drop table if exists staff`
    }
  })
})

describe('migrations under the advisory lock', () => {
  it('are applied once when two processes migrate an empty database at the same moment', async () => {
    const [a, b] = [postgres(url, { max: 1, onnotice: () => {} }), postgres(url, { max: 1, onnotice: () => {} })]
    try {
      const [first, second] = await Promise.all([migrate(a), migrate(b)])
      const names = await migrationNames()
      // One applied them all; the other waited for the lock and found nothing left to do.
      expect([first, second].sort((x, y) => x.length - y.length)).toEqual([[], names])
      const rows = await db<{ name: string }[]>`select name from schema_migrations order by name`
      expect(rows.map((r) => r.name)).toEqual(names)
    } finally {
      await Promise.all([a.end(), b.end()])
    }
  })
})
