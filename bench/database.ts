import postgres from 'postgres'
import { startEmbeddedPostgres, type EmbeddedDb } from '../services/db/embedded.server.ts'

/**
 * A bench database named `name` on the server DATABASE_URL names (else embedded PostgreSQL under `dir`),
 * created when missing; `fresh` drops an existing one first.
 */
export async function benchDatabase(name: string, opts: { dir: string; port: number; fresh?: boolean }): Promise<{ url: string; embedded?: EmbeddedDb }> {
  let admin = process.env.DATABASE_URL
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
