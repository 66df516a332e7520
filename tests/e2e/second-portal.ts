import { spawn, type ChildProcess } from 'node:child_process'

/**
 * Another portal beside the suite's own, started as tests/e2e/server.ts starts it but with settings of the
 * test's choosing (short kiosk idle limits, several HTTP workers …); resolves once /healthz answers 200.
 */
export async function startSecondPortal(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const server = spawn('./node_modules/.bin/tsx', ['tests/e2e/server.ts'], {
    env: { ...process.env, PORT: String(port), ...env },
    stdio: 'ignore',
  })
  for (let i = 0; i < 300; i++) {
    if ((await fetch(`http://localhost:${port}/healthz`).then((r) => r.status, () => 0)) === 200) return server
    await new Promise((r) => setTimeout(r, 200))
  }
  server.kill()
  throw new Error(`the portal on port ${port} did not start`)
}
