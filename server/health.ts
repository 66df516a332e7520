import type { Request, Response } from 'express'
import { migrationNames, pendingMigrations } from '#services/db/migrate.server.ts'
import { sql } from '#services/db/sql.server.ts'

const TIMEOUT_MS = 2000

function withinTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS)))
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}

/** Liveness: whether the database answers, for load balancers and the CI smoke test. */
export async function healthz(_req: Request, res: Response) {
  try {
    await withinTimeout(sql()`select 1`)
    res.status(200).json({ status: 'ok', db: 'ok' })
  } catch {
    res.status(503).json({ status: 'error', db: 'down' })
  }
}

const g = globalThis as typeof globalThis & { __portalStopping?: boolean }
/** Set when a graceful shutdown begins (server/shutdown.ts): readiness fails so no new traffic is sent here. */
export const markStopping = () => void (g.__portalStopping = true)

/**
 * Readiness: 200 only while this process should get traffic: the database answers, every migration this
 * code knows is applied (a new release waits for its schema), and the process is not shutting down.
 */
export async function readyz(_req: Request, res: Response) {
  if (g.__portalStopping) {
    res.status(503).json({ status: 'stopping' })
    return
  }
  try {
    const pending = await withinTimeout(migrationNames().then((names) => pendingMigrations(sql(), names)))
    if (pending.length) res.status(503).json({ status: 'error', db: 'ok', migrations: 'pending', pending })
    else res.status(200).json({ status: 'ok', db: 'ok', migrations: 'ok' })
  } catch {
    res.status(503).json({ status: 'error', db: 'down' })
  }
}
