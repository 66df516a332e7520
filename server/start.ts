import { existsSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from 'react-router'
import { readEnv } from '../services/env.server.ts'
import { municipality } from '../services/config/municipality.server.ts'
import { closeSql } from '../services/db/sql.server.ts'
import { createApp } from './app.ts'
import { prepareDatabase } from './database.ts'
import { DEMO_STAFF, loadDemoData } from './demo-data.ts'

/**
 * `npm start`: the production build on the embedded database (or DATABASE_URL), with demo data
 * outside production. Builds first when there is no build yet, so a fresh clone needs one command.
 */
async function main() {
  let env
  try {
    env = readEnv()
  } catch (e) {
    console.error(e instanceof Error ? e.message : e)
    process.exit(1)
  }
  municipality()
  const { embedded } = await prepareDatabase()
  if (env.APP_ENV !== 'production') {
    await loadDemoData()
    console.info(`Demo staff login: ${DEMO_STAFF.email} / ${DEMO_STAFF.password}`)
  }

  const buildDir = resolve(process.env.BUILD_DIR ?? 'build')
  const buildFile = `${buildDir}/server/index.js`
  if (!existsSync(buildFile) || process.env.FORCE_BUILD) {
    console.info('Building the portal (first start)…')
    const r = spawnSync(resolve('node_modules/.bin/react-router'), ['build'], { stdio: 'inherit' })
    if (r.status !== 0) process.exit(r.status ?? 1)
  }
  const build = (await import(pathToFileURL(buildFile).href)) as ServerBuild
  const app = createApp({ build, mode: 'production', bodyLimitMb: env.BODY_LIMIT_MB, clientDir: `${buildDir}/client` })
  const server = app.listen(env.PORT, () => console.info(`${municipality().name} e-tjänster: http://localhost:${env.PORT}`))

  const stop = async () => {
    server.close()
    await closeSql()
    await embedded?.stop()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
