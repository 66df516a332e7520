import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readdirSync, statSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { createServer, connect } from 'node:net'
import { join, resolve } from 'node:path'
import postgres from 'postgres'
import { benchEnv, childEnv, env } from '#services/env.server.ts'

/**
 * A build folder of the benchmark's own (BENCH_BUILD_DIR, given to the build and the portal as BUILD_DIR), so
 * rebuilding for a run never swaps files under a test run or a dev server using build/.
 */
export const BUILD_DIR = benchEnv().BENCH_BUILD_DIR
/** Whatever the build is made from: if any of it is newer than the build, the build is stale. */
const BUILD_INPUTS = ['app', 'forms', 'services', 'public', 'react-router.config.ts', 'vite.config.ts', 'package-lock.json']

/**
 * HTTP workers: one, as `npm start` runs, since PostgreSQL shares this machine and needs a core of its own
 * when cases are stored (measured: ~300 stored/s with two workers on two cores, 340–450 with one).
 * WEB_CONCURRENCY=2 measures two, as a deployment with its database elsewhere would run.
 */
export const WORKERS = env().WEB_CONCURRENCY

export const EMBEDDED_PG_DIR = '.data/pg-bench'
// Distinct from the dev default (54329) and the test suites' ports (54339, 54359), which may be running meanwhile.
export const EMBEDDED_PG_PORT = 54369

function newestMtime(path: string): number {
  let st
  try {
    st = statSync(path)
  } catch {
    return 0
  }
  if (!st.isDirectory()) return st.mtimeMs
  let newest = st.mtimeMs
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
  return newest
}

/**
 * Builds for production when there is no build or it is older than its sources: benchmarking a stale
 * build would measure yesterday's code. BENCH_BUILD=1 forces a build.
 */
export function ensureBuild(): void {
  const buildFile = resolve(BUILD_DIR, 'server/index.js')
  const builtAt = (() => {
    try {
      return statSync(buildFile).mtimeMs
    } catch {
      return 0
    }
  })()
  const stale = builtAt === 0 || BUILD_INPUTS.some((p) => newestMtime(resolve(p)) > builtAt)
  if (!stale && !benchEnv().BENCH_BUILD) {
    console.info(`Production build in ${BUILD_DIR}/ is up to date.`)
    return
  }
  console.info(`Building for production into ${BUILD_DIR}/ (react-router build)…`)
  const r = spawnSync(resolve('node_modules/.bin/react-router'), ['build'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: childEnv({ BUILD_DIR }),
    encoding: 'utf8',
  })
  // Vite's chatter only matters when the build fails.
  if (r.status !== 0) throw new Error(`react-router build failed (exit ${r.status ?? r.signal}):\n${r.stdout}${r.stderr}`)
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      const port = typeof addr === 'object' && addr ? addr.port : 0
      srv.close(() => resolvePort(port))
    })
  })
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((done) => {
    const s = connect(port, '127.0.0.1')
    s.once('connect', () => {
      s.destroy()
      done(true)
    })
    s.once('error', () => done(false))
  })
}

export type BenchDatabase = {
  /** Environment for the portal process: DATABASE_URL, or where its embedded PostgreSQL goes. */
  env: Record<string, string>
  /** Known once the portal runs: with the embedded database it is the portal that starts the server. */
  url(): string
  drop(): Promise<void>
}

/**
 * A database of the benchmark's own, so its thousands of cases never mix with anyone's data: a fresh
 * database on DATABASE_URL's server (dropped afterwards), or a freshly wiped embedded PostgreSQL.
 */
export async function prepareBenchDatabase(): Promise<BenchDatabase> {
  const serverUrl = env().DATABASE_URL
  if (serverUrl) {
    const name = `bench_${randomBytes(4).toString('hex')}`
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
    await admin.unsafe(`create database ${name}`)
    await admin.end()
    const url = new URL(serverUrl)
    url.pathname = `/${name}`
    return {
      env: { DATABASE_URL: url.toString() },
      url: () => url.toString(),
      drop: async () => {
        const a = postgres(serverUrl, { max: 1, onnotice: () => {} })
        try {
          await a.unsafe(`drop database if exists ${name} with (force)`)
        } finally {
          await a.end()
        }
      },
    }
  }
  if (await portInUse(EMBEDDED_PG_PORT))
    throw new Error(`Port ${EMBEDDED_PG_PORT} is taken: is another benchmark still running? (Its PostgreSQL would share ${EMBEDDED_PG_DIR}.)`)
  await rm(EMBEDDED_PG_DIR, { recursive: true, force: true })
  return {
    env: { EMBEDDED_PG_DIR, EMBEDDED_PG_PORT: String(EMBEDDED_PG_PORT) },
    // The same credentials and database name services/db/embedded.server.ts gives the portal.
    url: () => `postgres://portal:portal@127.0.0.1:${EMBEDDED_PG_PORT}/portal`,
    // The data folder is kept for a post-mortem look; the next run wipes it.
    drop: async () => {},
  }
}

/**
 * Every request of the benchmark comes from one address: the abuse limits (issue 10) stay on, counting every
 * send, but far above the load. `RATE_LIMITS=off npm run bench` measures the same without them.
 */
const BENCH_LIMITS = {
  SEND_LIMIT_PER_ADDRESS: '1000000000', SEND_LIMIT_PER_SESSION: '1000000000',
  UPLOAD_LIMIT_MB_PER_ADDRESS: '1000000000', UPLOAD_LIMIT_MB_PER_SESSION: '1000000000', UPLOAD_BUDGET_MB_PER_DAY: '1000000000',
}

/** pgid: the portal's process group (its node, and PostgreSQL when embedded). */
export type Portal = { baseUrl: string; port: number; pgid: number | undefined; stop(): Promise<void> }

/** Everything to undo on the way out, whichever way out it is (done, failed, interrupted). */
export const cleanups = new Set<() => Promise<void>>()

export async function cleanUp(): Promise<void> {
  // Newest first: the portal stops before its database is dropped.
  for (const fn of [...cleanups].reverse()) {
    cleanups.delete(fn)
    try {
      await fn()
    } catch (e) {
      console.error('Clean-up step failed:', e)
    }
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function exited(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done()
    child.once('exit', () => done())
  })
}

/**
 * Starts the portal exactly as `npm start` does (tsx server/start.ts on the production build), in a
 * process group of its own so that stopping it also stops the embedded PostgreSQL it spawned.
 */
export async function startPortal(db: BenchDatabase, extraEnv: Record<string, string> = {}): Promise<Portal> {
  const port = await freePort()
  // BENCH_CPU_PROF=<dir>: the same server under node's own --cpu-prof (tsx as an --import loader, which
  // is what the tsx binary arranges too), since NODE_OPTIONS may not carry --cpu-prof.
  const profDir = benchEnv().BENCH_CPU_PROF
  const verbose = !!benchEnv().BENCH_VERBOSE
  const [command, args] = profDir
    ? [process.execPath, ['--cpu-prof', `--cpu-prof-dir=${resolve(profDir)}`, '--import', 'tsx', 'server/start.ts']]
    : [resolve('node_modules/.bin/tsx'), ['server/start.ts']]
  const child = spawn(command, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    // The bench's limits and worker count unless the environment says otherwise; the database, build and mode always its own.
    env: { WEB_CONCURRENCY: String(WORKERS), ...BENCH_LIMITS, ...childEnv({ ...db.env, ...extraEnv, BUILD_DIR, PORT: String(port), APP_ENV: 'test', NODE_ENV: 'production' }) },
  })
  // Kept for the error message if it never becomes healthy; otherwise quiet, so the table stays readable.
  let log = ''
  const keep = (b: Buffer) => {
    log = (log + b.toString()).slice(-8000)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', (b: Buffer) => {
    keep(b)
    if (verbose) process.stderr.write(b)
  })

  const stop = async () => {
    if (child.pid === undefined) return
    const group = -child.pid
    const signal = (s: NodeJS.Signals) => {
      try {
        process.kill(group, s)
      } catch {
        // The group is already gone.
      }
    }
    // SIGTERM first: start.ts then closes its pool and stops PostgreSQL cleanly (a killed one would
    // leave a stale postmaster.pid); the whole group gets it, so nothing lingers if start.ts hangs.
    signal('SIGTERM')
    await Promise.race([exited(child), sleep(10_000)])
    signal('SIGKILL')
  }

  // Registered before waiting, so an interrupt or a failed start still stops the whole group.
  cleanups.add(stop)

  const baseUrl = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 90_000
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The portal exited (${child.exitCode ?? child.signalCode}) before it was healthy:\n${log}`)
    }
    if (Date.now() > deadline) throw new Error(`The portal did not answer /healthz within 90 s:\n${log}`)
    try {
      const r = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2000) })
      if (r.status === 200) break
    } catch {
      // Not listening yet.
    }
    await sleep(200)
  }
  return { baseUrl, port, pgid: child.pid, stop }
}
