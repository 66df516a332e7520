import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDatabase } from '#tests/db.ts'
import type { Sql } from '../db/sql.server.ts'
import { createSession, getSession, IDLE_SECONDS } from './session.server.ts'

let db: Sql
let drop: () => Promise<void>
beforeAll(async () => ({ db, drop } = await freshDatabase()))
afterAll(() => drop())

const withCookie = (setCookie: string) => new Request('http://x/', { headers: { cookie: setCookie.split(';')[0]! } })

describe('the sliding session expiry', () => {
  it('moves when the session is used after a pause, and not again for each ask within the same moment', async () => {
    const { session, setCookie } = await createSession(new Request('http://x/'), 'visitor')
    await db`update sessions set last_seen_at = now() - interval '1 hour', expires_at = now() + interval '1 minute' where token_hash = ${session.tokenHash}`
    expect(await getSession(withCookie(setCookie))).toMatchObject({ tokenHash: session.tokenHash, kind: 'visitor' })
    const [moved] = await db<{ left: number; seen: Date }[]>`
      select extract(epoch from expires_at - now())::int as left, last_seen_at as seen from sessions where token_hash = ${session.tokenHash}`
    expect(moved!.left).toBeGreaterThan(IDLE_SECONDS.visitor - 60)

    await getSession(withCookie(setCookie))
    const [again] = await db<{ seen: Date }[]>`select last_seen_at as seen from sessions where token_hash = ${session.tokenHash}`
    expect(again!.seen).toEqual(moved!.seen)
  })

  it('finds no session once it has expired', async () => {
    const { session, setCookie } = await createSession(new Request('http://x/'), 'visitor')
    await db`update sessions set expires_at = now() - interval '1 second' where token_hash = ${session.tokenHash}`
    expect(await getSession(withCookie(setCookie))).toBeNull()
  })
})
