import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs'
import { resolve } from 'node:path'

const BUILD = resolve(process.env.BUILD_DIR ?? 'build')
const LOCK = `${BUILD}.lock`
/** A lock older than any build takes was left by a run that was killed mid-build. */
const STALE_LOCK_MS = 15 * 60_000

/**
 * The production bundle that portal processes started by integration tests serve (`npm test` builds it
 * before the integration tests). When it is missing, one test file builds it while any other waits, so
 * two files never write the same folder. A build older than the code is not detected: run `npm run build`
 * after changing the app.
 */
export async function ensureProductionBuild(): Promise<void> {
  for (;;) {
    if (existsSync(`${BUILD}/server/index.js`)) return
    try {
      mkdirSync(LOCK)
    } catch {
      // Another test file is building: wait for it (the hook's timeout bounds the wait).
      const age = Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now())
      if (age > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true })
      await new Promise((r) => setTimeout(r, 500))
      continue
    }
    try {
      const r = spawnSync(resolve('node_modules/.bin/react-router'), ['build'], { encoding: 'utf8', env: { ...process.env, BUILD_DIR: BUILD } })
      if (r.status !== 0) throw new Error(`react-router build failed (exit ${r.status ?? r.signal}):\n${r.stdout}${r.stderr}`)
    } finally {
      rmSync(LOCK, { recursive: true, force: true })
    }
  }
}
