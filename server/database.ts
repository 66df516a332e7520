import { startEmbeddedPostgres, type EmbeddedDb } from '#services/db/embedded.server.ts'
import { migrate } from '#services/db/migrate.server.ts'
import { sql } from '#services/db/sql.server.ts'
import { log } from '#services/log/logger.server.ts'

/**
 * DATABASE_URL when given; otherwise an embedded PostgreSQL under .data/pg, so a fresh machine needs
 * no database server. Either way the schema is migrated before the first request.
 */
export async function prepareDatabase(): Promise<{ embedded?: EmbeddedDb }> {
  let embedded: EmbeddedDb | undefined
  if (!process.env.DATABASE_URL) {
    embedded = await startEmbeddedPostgres({ port: Number(process.env.EMBEDDED_PG_PORT ?? 54329), dir: process.env.EMBEDDED_PG_DIR })
    process.env.DATABASE_URL = embedded.url
    log.info(`Embedded PostgreSQL on ${embedded.url.replace(/:[^:@]*@/, ':***@')}`)
  }
  const applied = await migrate(sql())
  log.info({ applied }, applied.length ? `Migrations applied: ${applied.join(', ')}` : 'Migrations: none to apply')
  return { embedded }
}
