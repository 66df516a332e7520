import { readdir, readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { Sql } from './sql.server.ts'

const DIR = fileURLToPath(new URL('./migrations/', import.meta.url))
// Any constant works; it only has to be the same for every process that migrates this database.
const LOCK_ID = 4_114_2026

/**
 * Applies the forwards-only SQL migrations in services/db/migrations/NNNNN_name/index.sql, each in its
 * own transaction, under an advisory lock so two processes starting at once do not race.
 */
export async function migrate(db: Sql): Promise<string[]> {
  const names = (await readdir(DIR)).filter((n) => /^\d{5}_[a-z0-9_]+$/.test(n)).sort()
  names.forEach((n, i) => {
    if (i > 0 && n.slice(0, 5) === names[i - 1]!.slice(0, 5)) throw new Error(`Two migrations share the id ${n.slice(0, 5)}`)
  })
  const applied: string[] = []
  await db.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${LOCK_ID})`
    await tx`create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())`
    const done = new Set((await tx<{ name: string }[]>`select name from schema_migrations`).map((r) => r.name))
    for (const name of names) {
      if (done.has(name)) continue
      await tx.unsafe(await readFile(`${DIR}${name}/index.sql`, 'utf8'))
      await tx`insert into schema_migrations (name) values (${name})`
      applied.push(name)
    }
  })
  return applied
}
