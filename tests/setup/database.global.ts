import { startEmbeddedPostgres, type EmbeddedDb } from '#services/db/embedded.server.ts'

let embedded: EmbeddedDb | undefined

/**
 * Integration tests run against a real PostgreSQL: the one DATABASE_URL names (CI's server), or an
 * embedded one. Each test file makes its own database from it (tests/db.ts), so files run in parallel.
 */
export async function setup() {
  if (!process.env.DATABASE_URL) {
    embedded = await startEmbeddedPostgres({ dir: '.data/pg-test', port: 54339, database: 'postgres' })
    process.env.DATABASE_URL = embedded.url
  }
  process.env.TEST_ADMIN_DATABASE_URL = process.env.DATABASE_URL
}

export async function teardown() {
  await embedded?.stop()
}
