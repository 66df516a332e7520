import type { AddressInfo } from 'node:net'
import type { ServerBuild } from 'react-router'
import { createServer } from 'vite'
import { createApp } from '#server/app.ts'

/**
 * The whole portal over HTTP for integration tests, without a production build: Vite compiles the real
 * route modules on first use, and server/app.ts serves them in production mode (no stack traces in pages).
 * Pair with freshDatabase() so the routes reach a database of the test's own.
 */
export async function startPortal(opts: { bodyLimitMb?: number } = {}) {
  const vite = await createServer({ server: { middlewareMode: true, hmr: false }, appType: 'custom', logLevel: 'error' })
  const app = createApp({
    build: () => vite.ssrLoadModule('virtual:react-router/server-build') as Promise<ServerBuild>,
    mode: 'production',
    bodyLimitMb: opts.bodyLimitMb ?? 35,
  })
  const server = app.listen(0, '127.0.0.1')
  await new Promise((r) => server.once('listening', r))
  const { port } = server.address() as AddressInfo
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    async close() {
      server.closeAllConnections()
      await new Promise((r) => server.close(r))
      await vite.close()
    },
  }
}
