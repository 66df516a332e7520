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
import { prepareKiosks } from './kiosk-setup.ts'
import { startMail } from '../services/mail/start.server.ts'
import { startHousekeeping } from '../services/jobs/housekeeping.server.ts'
import { startBankId, stopBankId } from '../services/bankid/runtime.server.ts'

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
  // A real BankID from BANKID_*, or the simulator (never in production: readEnv refused that above).
  console.info((await startBankId()).describe)
  if (env.APP_ENV !== 'production') {
    await loadDemoData()
    console.info(`Demo staff login: ${DEMO_STAFF.email} / ${DEMO_STAFF.password}`)
  }
  // End-to-end runs add their own fixtures (accounts per role, cases of test-only e-services) before the first request.
  if (env.APP_ENV === 'test' && process.env.SEED_MODULE)
    await ((await import(pathToFileURL(resolve(process.env.SEED_MODULE)).href)) as { default: () => Promise<void> }).default()
  const mail = await startMail(env)
  // Finished BankID orders older than a day are deleted (services/bankid/purge.server.ts).
  const housekeeping = startHousekeeping()
  // Kiosks: idle limits checked; the SIP2 test server as the library system when SIP2_HOST is unset (never in production).
  const sip2 = await prepareKiosks(env)

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
    await mail.stop()
    await housekeeping.stop()
    await sip2?.close()
    await stopBankId()
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
