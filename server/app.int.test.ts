import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ServerBuild } from 'react-router'
import { freshDatabase } from '#tests/db.ts'
import { closeSql } from '#services/db/sql.server.ts'
import { env, setEnv } from '#services/env.server.ts'
import { createApp } from './app.ts'

let drop: () => Promise<void>
let base: string
let close: () => void
beforeAll(async () => {
  ;({ drop } = await freshDatabase())
  const app = createApp({ build: async () => ({}) as ServerBuild, mode: 'production', bodyLimitMb: 1 })
  const server = app.listen(0)
  await new Promise((r) => server.once('listening', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  close = () => server.close()
})
afterAll(async () => {
  close()
  await drop()
})

describe('the HTTP layer', () => {
  it('answers /healthz with the database state, and 503 when the database cannot be reached', async () => {
    const ok = await fetch(`${base}/healthz`)
    expect(ok.status).toBe(200)
    expect(await ok.json()).toEqual({ status: 'ok', db: 'ok' })

    const good = env().DATABASE_URL
    await closeSql()
    setEnv({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' })
    try {
      const down = await fetch(`${base}/healthz`)
      expect(down.status).toBe(503)
      expect(await down.json()).toMatchObject({ db: 'down' })
    } finally {
      await closeSql()
      setEnv({ DATABASE_URL: good })
    }
  })

  it('sends security headers on every response', async () => {
    const r = await fetch(`${base}/healthz`)
    expect(r.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/)
    expect(r.headers.get('content-security-policy')).toMatch(/script-src 'self' 'nonce-/)
    expect(r.headers.get('x-content-type-options')).toBe('nosniff')
    expect(r.headers.get('x-powered-by')).toBeNull()
  })

  it('refuses bodies over the limit with 413 before reading them, and cross-site posts with 403', async () => {
    const big = await fetch(`${base}/e-tjanster/felanmalan/kategori`, { method: 'POST', body: new Uint8Array(2 * 1024 * 1024) })
    expect(big.status).toBe(413)
    const cross = await fetch(`${base}/e-tjanster/felanmalan/kategori`, { method: 'POST', body: 'a=1', headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' } })
    expect(cross.status).toBe(403)
  })
})
