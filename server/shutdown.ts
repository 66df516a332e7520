import type { Server } from 'node:http'
import { log } from '../services/log/logger.server.ts'
import { markStopping } from './health.ts'

/** How long in-flight requests may take to finish after SIGTERM; below the usual 30 s before a SIGKILL. */
export const drainTimeoutMs = () => Number(process.env.SHUTDOWN_TIMEOUT_SECONDS ?? 20) * 1000

/**
 * Stops accepting connections and waits for the requests in flight to be answered. Idle keep-alive
 * connections are closed at once and every later response says `Connection: close`, so no client is left
 * holding a connection to a process that is going away; past the timeout the rest are cut.
 */
export function drain(server: Server, timeoutMs = drainTimeoutMs()): Promise<void> {
  markStopping()
  server.prependListener('request', (_req, res) => res.setHeader('Connection', 'close'))
  return new Promise((resolve) => {
    const idle = setInterval(() => server.closeIdleConnections(), 100)
    const force = setTimeout(() => {
      log.warn({ timeoutMs }, 'shutdown: requests still running at the timeout were cut')
      server.closeAllConnections()
    }, timeoutMs)
    server.close(() => {
      clearInterval(idle)
      clearTimeout(force)
      resolve()
    })
    server.closeIdleConnections()
  })
}

/**
 * Runs `stop` once on SIGTERM or SIGINT and exits 0 when it is done (1 if it failed). A second signal, as
 * when a terminal's Ctrl-C reaches every process of the group, does not cut the first one short.
 */
export function onStopSignal(stop: () => Promise<void>): void {
  let stopping = false
  const handle = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    log.info({ signal }, 'shutdown: stopping')
    stop().then(
      () => {
        log.info('shutdown: done')
        process.exit(0)
      },
      (e: unknown) => {
        log.error({ err: e }, 'shutdown: failed')
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', handle)
  process.on('SIGINT', handle)
}
