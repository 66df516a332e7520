import cluster from 'node:cluster'
import { existsSync, realpathSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { ServerBuild } from 'react-router'
import type { FormDefinition } from '#forms/kit/index.ts'
import { envSet, type Env } from '#services/env.server.ts'
import { addForms } from '#services/forms/registry.server.ts'
import { answerKeys } from '#services/crypto/answer-keys.server.ts'
import { municipality } from '#services/config/municipality.server.ts'
import { closeSql } from '#services/db/sql.server.ts'
import { createApp } from './app.ts'
import { prepareDatabase } from './database.ts'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.ts'
import { loadDemoData } from './demo-data.ts'
import { prepareKiosks } from './kiosk-setup.ts'
import { startMail } from '#services/mail/start.server.ts'
import { startJobs } from '#services/jobs/runner.server.ts'
import { startBankId, stopBankId } from '#services/bankid/runtime.server.ts'
import { log } from '#services/log/logger.server.ts'
import { serveClusterMetrics } from './metrics-endpoint.ts'
import { startupEnv } from './settings.ts'
import { drainTimeoutMs, onStopSignal, trackConnections } from './shutdown.ts'

/**
 * `npm start`: the production build on the embedded database (or DATABASE_URL), with demo data
 * outside production. Builds first when there is no build yet, so a fresh clone needs one command.
 * With WEB_CONCURRENCY > 1 this process prepares everything once (database, simulators, the mail worker)
 * and forks that many HTTP workers sharing the port (ADR 016).
 */
export type PortalOptions = {
  /** E-services served beside the registered ones, by id only (the end-to-end tests' own, tests/e2e/server.ts). */
  forms?: readonly FormDefinition[]
  /** Fixtures loaded after the demo data, before the first request (the end-to-end tests' accounts and cases). */
  seed?: () => Promise<void>
  /** The file HTTP workers run (it calls startPortal with the same options); by default this one. */
  entry?: string
}

async function serve(e: Env, buildDir: string) {
  const build = (await import(pathToFileURL(`${buildDir}/server/index.js`).href)) as ServerBuild
  const app = createApp({ build, mode: 'production', bodyLimitMb: e.BODY_LIMIT_MB, clientDir: `${buildDir}/client` })
  const server = app.listen(e.PORT, () => {
    if (cluster.isPrimary) log.info(`${municipality().name} e-tjänster: http://localhost:${e.PORT}`)
  })
  // Followed from the first connection, so SIGTERM can drain them (server/shutdown.ts).
  return trackConnections(server)
}

async function primary(opts: PortalOptions) {
  const e = startupEnv()
  const buildDir = resolve(e.BUILD_DIR)
  municipality()
  // Outside production the answer key is made here once, before demo data and workers need it.
  answerKeys()
  const { embedded } = await prepareDatabase()
  // A real BankID from BANKID_*, or the simulator (never in production: readEnv refused that above).
  const bankid = await startBankId()
  log.info(bankid.describe)
  if (e.APP_ENV !== 'production') {
    await loadDemoData()
    log.info(`Demo staff logins (password ${DEMO_PASSWORD}): ${Object.values(DEMO_ACCOUNTS).map((a) => a.email).join(', ')}`)
  }
  // End-to-end runs add their own fixtures (accounts per role, cases of test-only e-services) before the first request.
  await opts.seed?.()
  const mail = await startMail(e)
  // Scheduled jobs (retention, drafts) and the e-mail sender on the PostgreSQL job queue: each schedule tick
  // runs once across every process and host that runs one (services/jobs/schedules.ts, ADR 027).
  const jobs = await startJobs({ send: mail.send })
  // Kiosks: idle limits checked; the SIP2 test server as the library system when SIP2_HOST is unset (never in production).
  const sip2 = await prepareKiosks(e)

  if (!existsSync(`${buildDir}/server/index.js`) || e.FORCE_BUILD) {
    log.info('Building the portal (first start)…')
    const r = spawnSync(resolve('node_modules/.bin/react-router'), ['build'], { stdio: 'inherit' })
    if (r.status !== 0) process.exit(r.status ?? 1)
  }

  let stopping = false
  let server: Awaited<ReturnType<typeof serve>> | undefined
  if (e.WEB_CONCURRENCY === 1) server = await serve(e, buildDir)
  else {
    // Workers are given what this process started (the embedded database, the SIP2 test server, the BankID
    // simulator) as settings in their environment, as a real deployment's would be.
    const workerEnv: Record<string, string> = { ...envSet() }
    if (bankid.simulator) {
      const { url, certs } = bankid.simulator
      Object.assign(workerEnv, { BANKID_URL: url, BANKID_PFX: certs.clientPfxPath, BANKID_PASSPHRASE: certs.passphrase, BANKID_CA: certs.caPem })
      log.info('With several workers the simulator approves only by BANKID_SIMULATOR_AUTO_APPROVE; its control page needs WEB_CONCURRENCY=1.')
    }
    // Workers run the file that started the portal with these options (this one, or tests/e2e/server.ts).
    cluster.setupPrimary({ exec: fileURLToPath(opts.entry ?? import.meta.url) })
    // /metrics sums the workers' figures (server/metrics-endpoint.ts).
    serveClusterMetrics()
    for (let i = 0; i < e.WEB_CONCURRENCY; i++) cluster.fork(workerEnv)
    cluster.on('exit', (worker, code, signal) => {
      if (stopping) return
      log.error({ worker: worker.process.pid, signal, code }, 'HTTP worker ended; starting another')
      cluster.fork(workerEnv)
    })
    log.info(`${municipality().name} e-tjänster: http://localhost:${e.PORT} (${e.WEB_CONCURRENCY} HTTP workers)`)
  }

  // SIGTERM: requests in flight finish first (here or in the workers), while jobs and the pool still run.
  onStopSignal(async () => {
    stopping = true
    await Promise.all([server?.drain(), stopWorkers()])
    await jobs.stop()
    await mail.stop()
    await sip2?.close()
    await stopBankId()
    await closeSql()
    await embedded?.stop()
  })
}

/** Asks every HTTP worker to drain and waits for them to end; one that overstays the drain time is killed. */
async function stopWorkers() {
  const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined)
  await Promise.all(workers.map((w) => new Promise<void>((resolve) => {
    if (w.isDead()) return resolve()
    const kill = setTimeout(() => w.process.kill('SIGKILL'), drainTimeoutMs() + 5000)
    w.once('exit', () => {
      clearTimeout(kill)
      resolve()
    })
    w.process.kill('SIGTERM')
  })))
}

async function worker() {
  const e = startupEnv()
  municipality()
  await startBankId()
  const server = await serve(e, resolve(e.BUILD_DIR))
  onStopSignal(async () => {
    await server.drain()
    await closeSql()
  })
}

/** Starts the portal in this process: the primary, or an HTTP worker when this process is one. */
export function startPortal(opts: PortalOptions = {}): Promise<void> {
  if (opts.forms) addForms(opts.forms)
  return (cluster.isPrimary ? primary(opts) : worker()).catch((e: unknown) => {
    log.fatal({ err: e }, 'start-up failed')
    process.exit(1)
  })
}

/** Whether this file is what node was asked to run: `npm start`, and the HTTP workers it forks. */
function runAsScript(): boolean {
  try {
    return realpathSync(process.argv[1] ?? '') === fileURLToPath(import.meta.url)
  } catch {
    return false
  }
}

// A test server imports startPortal instead and calls it with its own options.
if (runAsScript()) await startPortal()
