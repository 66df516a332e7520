import { readdir, readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { Sql } from './sql.server.ts'

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url))
// Any constant works; it only has to be the same for every process that migrates this database.
const LOCK_ID = 4_114_2026

/** A migration whose SQL failed: names it, and keeps PostgreSQL's message (never values) as the cause. */
export class MigrationError extends Error {
  constructor(readonly migration: string, cause: unknown) {
    super(`Migration ${migration} failed: ${cause instanceof Error ? cause.message : String(cause)}. Nothing was applied; fix it and start again.`, { cause })
    this.name = 'MigrationError'
  }
}

/** The migrations in `dir` (NNNNN_name folders), in order; two sharing a number is a mistake caught here. */
export async function migrationNames(dir = MIGRATIONS_DIR): Promise<string[]> {
  const names = (await readdir(dir)).filter((n) => /^\d{5}_[a-z0-9_]+$/.test(n)).sort()
  names.forEach((n, i) => {
    if (i > 0 && n.slice(0, 5) === names[i - 1]!.slice(0, 5)) throw new Error(`Two migrations share the id ${n.slice(0, 5)}`)
  })
  return names
}

/**
 * Applies the forwards-only SQL migrations in services/db/migrations/NNNNN_name/index.sql in one
 * transaction, under a transaction-scoped advisory lock: when several processes start at once (a rolling
 * deploy, several replicas) one applies them and the others wait, then find nothing left to do. A failing
 * migration undoes the whole run and throws a MigrationError.
 */
export async function migrate(db: Sql, dir = MIGRATIONS_DIR): Promise<string[]> {
  const names = await migrationNames(dir)
  const applied: string[] = []
  await db.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${LOCK_ID})`
    await tx`create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())`
    const done = new Set((await tx<{ name: string }[]>`select name from schema_migrations`).map((r) => r.name))
    for (const name of names) {
      if (done.has(name)) continue
      try {
        await tx.unsafe(await readFile(`${dir}/${name}/index.sql`, 'utf8'))
      } catch (e) {
        throw new MigrationError(name, e)
      }
      await tx`insert into schema_migrations (name) values (${name})`
      applied.push(name)
    }
  })
  return applied
}

/** Migrations this code has that the database does not: /readyz is 503 until there are none. */
export async function pendingMigrations(db: Sql, names: string[]): Promise<string[]> {
  const [table] = await db<{ t: string | null }[]>`select to_regclass('schema_migrations')::text as t`
  if (!table?.t) return names
  const done = new Set((await db<{ name: string }[]>`select name from schema_migrations`).map((r) => r.name))
  return names.filter((n) => !done.has(n))
}
