import { startEmbeddedPostgres, type EmbeddedDb } from '#services/db/embedded.server.ts'
import { migrate } from '#services/db/migrate.server.ts'
import { sql } from '#services/db/sql.server.ts'
import { env, setEnv } from '#services/env.server.ts'
import { log } from '#services/log/logger.server.ts'

/**
 * DATABASE_URL when given; otherwise an embedded PostgreSQL under .data/pg, so a fresh machine needs
 * no database server, its URL then the DATABASE_URL setting of this process (and of its HTTP workers).
 * Either way the schema is migrated before the first request.
 */
export async function prepareDatabase(): Promise<{ embedded?: EmbeddedDb }> {
  let embedded: EmbeddedDb | undefined
  const { DATABASE_URL, EMBEDDED_PG_PORT, EMBEDDED_PG_DIR } = env()
  if (!DATABASE_URL) {
    embedded = await startEmbeddedPostgres({ port: EMBEDDED_PG_PORT, dir: EMBEDDED_PG_DIR })
    setEnv({ DATABASE_URL: embedded.url })
    log.info(`Embedded PostgreSQL on ${embedded.url.replace(/:[^:@]*@/, ':***@')}`)
  }
  const applied = await migrate(sql())
  log.info({ applied }, applied.length ? `Migrations applied: ${applied.join(', ')}` : 'Migrations: none to apply')
  return { embedded }
}
