import { spawn } from 'node:child_process'

export type PortalProcess = { stop(): Promise<void> }

/**
 * Starts `script` (a portal as tests/e2e/server.ts starts one, or the outage server) in a process group of
 * its own, and resolves once its /healthz gives an answer `ready` accepts. Waits as long as starting takes
 * (tsx, migrations and the seed are slow on a busy machine): the hook's timeout is the limit, and a
 * process that ends before it is ready fails at once. `stop()` ends the whole group (tsx, node, HTTP
 * workers, an embedded PostgreSQL) and waits until it is gone, so nothing outlives the test file.
 */
export async function startPortalProcess(
  script: string, port: number, env: Record<string, string>, ready: (status: number) => boolean = (status) => status === 200,
): Promise<PortalProcess> {
  const child = spawn('./node_modules/.bin/tsx', [script], {
    env: { ...process.env, PORT: String(port), ...env },
    stdio: 'ignore',
    detached: true,
  })
  let exited: string | null = null
  const gone = new Promise<void>((resolve) => child.once('exit', (code, signal) => {
    exited = String(signal ?? code)
    resolve()
  }))
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal)
    } catch {
      // The group has already ended.
    }
  }
  const stop = async () => {
    signalGroup('SIGTERM')
    const killer = setTimeout(() => signalGroup('SIGKILL'), 15_000)
    await gone
    clearTimeout(killer)
    // The group's last members (an embedded PostgreSQL shutting down) may outlive its leader briefly.
    for (let i = 0; i < 150 && groupAlive(child.pid!); i++) await new Promise((r) => setTimeout(r, 100))
    signalGroup('SIGKILL')
  }
  for (;;) {
    if (exited !== null) throw new Error(`${script} on port ${port} ended (${exited}) before it answered`)
    const status = await fetch(`http://localhost:${port}/healthz`).then((r) => r.status, () => 0)
    if (status && ready(status)) return { stop }
    await new Promise((r) => setTimeout(r, 200))
  }
}

/** The portal the second-portal tests start beside the suite's own, with settings of the test's choosing. */
export const startSecondPortal = (port: number, env: Record<string, string>) => startPortalProcess('tests/e2e/server.ts', port, env)

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0)
    return true
  } catch {
    return false
  }
}
