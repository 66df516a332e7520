import type { Server } from 'node:http'
import { Server as NetServer, type Socket } from 'node:net'
import { env } from '#services/env.server.ts'
import { log } from '#services/log/logger.server.ts'
import { markStopping } from './health.ts'

/** How long in-flight requests may take to finish after SIGTERM; below the usual 30 s before a SIGKILL. */
export const drainTimeoutMs = () => env().SHUTDOWN_TIMEOUT_SECONDS * 1000

type Connection = { busy: boolean; served: number }

/**
 * Follows the server's connections from the start, so that a drain can tell an idle keep-alive connection
 * (closed at once) from one that was accepted but whose request has not been read yet (answered, then closed).
 * Node's own server.close() closes both kinds, and the second kind is a request the client already sent:
 * under load that is a reset connection for a request that never failed on our side.
 */
export function trackConnections(server: Server): { drain(timeoutMs?: number): Promise<void> } {
  const connections = new Map<Socket, Connection>()
  let stopping = false
  server.on('connection', (socket: Socket) => {
    connections.set(socket, { busy: false, served: 0 })
    socket.once('close', () => connections.delete(socket))
  })
  server.prependListener('request', (req, res) => {
    const c = connections.get(req.socket)
    if (c) c.busy = true
    if (stopping) res.setHeader('Connection', 'close')
    res.once('close', () => {
      if (!c) return
      c.busy = false
      c.served++
      if (stopping) req.socket.end()
    })
  })

  return {
    drain(timeoutMs = drainTimeoutMs()) {
      stopping = true
      markStopping()
      return new Promise((resolve) => {
        const force = setTimeout(() => {
          log.warn({ timeoutMs, connections: connections.size }, 'shutdown: connections still open at the timeout were cut')
          for (const socket of connections.keys()) socket.destroy()
        }, timeoutMs)
        // Stops listening only; the connections are this function's to close (see above).
        NetServer.prototype.close.call(server, () => {
          clearTimeout(force)
          resolve()
        })
        // Idle between keep-alive requests: nothing is lost by closing it now. A busy one ends after its
        // response (the request listener above); a new one after the response to the request it brings.
        for (const [socket, c] of connections) if (!c.busy && c.served > 0) socket.end()
      })
    },
  }
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
