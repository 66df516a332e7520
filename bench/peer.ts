import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { freePort } from './portal.ts'
import { benchEnv, childEnv } from '#services/env.server.ts'

/**
 * The DEFRA forms engine (@defra/forms-engine-plugin) serving the same felanmälan form, measured beside the
 * portal's rendered pages in the same run (issue 12). Never part of this repository: `BENCH_PEER_URL` names a
 * running peer's first page (e.g. http://127.0.0.1:4001/felanmalan/anmal), or `BENCH_PEER_DIR` a folder with
 * the peer's `server.mjs` and installed node_modules, which the bench then starts and stops itself. Neither
 * set → the comparison is skipped with a message.
 */
export type Peer = { name: string; pageUrl: string; cookie: string; pgid: number | undefined; stop(): Promise<void> }

const PEER_PAGE = '/felanmalan/anmal'
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export function peerConfigured(): string | null {
  const { BENCH_PEER_URL, BENCH_PEER_DIR } = benchEnv()
  if (BENCH_PEER_URL) return `the running peer at ${BENCH_PEER_URL}`
  if (BENCH_PEER_DIR) return `the peer started from ${BENCH_PEER_DIR}`
  return null
}

/**
 * The peer's first page with the session and CSRF cookies of one earlier visit, as a returning visitor's
 * browser sends them: the engine then renders the page from its session, like the portal's draft page.
 */
async function visitor(pageUrl: string): Promise<string> {
  const res = await fetch(pageUrl, { redirect: 'manual' })
  const html = await res.text()
  if (res.status !== 200 || !html.includes('<form')) throw new Error(`The peer's GET ${pageUrl} answered ${res.status} without a form`)
  return res.headers.getSetCookie().map((c) => c.split(';')[0]!).join('; ')
}

export async function startPeer(): Promise<Peer | null> {
  const url = benchEnv().BENCH_PEER_URL
  if (url) return { name: 'DEFRA forms engine', pageUrl: url, cookie: await visitor(url), pgid: undefined, stop: async () => {} }
  const dir = benchEnv().BENCH_PEER_DIR
  if (!dir) return null
  if (!existsSync(resolve(dir, 'server.mjs')) || !existsSync(resolve(dir, 'node_modules')))
    throw new Error(`BENCH_PEER_DIR=${dir} holds no server.mjs with installed node_modules (run npm ci there, in a writable copy)`)
  const port = await freePort()
  const child = spawn(process.execPath, ['server.mjs'], {
    cwd: resolve(dir),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: childEnv({ PORT: String(port) }),
  })
  let log = ''
  const keep = (b: Buffer) => {
    log = (log + b.toString()).slice(-4000)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const stop = async () => {
    if (child.pid === undefined || child.exitCode !== null) return
    const exited = new Promise((done) => child.once('exit', done))
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {
      return
    }
    await Promise.race([exited, sleep(5000)])
    try {
      process.kill(-child.pid, 'SIGKILL')
    } catch {
      // Gone already.
    }
  }
  const pageUrl = `http://127.0.0.1:${port}${PEER_PAGE}`
  const deadline = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The peer exited (${child.exitCode}) before it answered:\n${log}`)
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`The peer did not answer ${pageUrl} within 60 s:\n${log}`)
    }
    try {
      return { name: 'DEFRA forms engine', pageUrl, cookie: await visitor(pageUrl), pgid: child.pid, stop }
    } catch {
      await sleep(300)
    }
  }
}
