import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { makeStaff } from '#tests/case-fixtures.ts'
import { freshDatabase } from '#tests/db.ts'
import { createSession } from '#services/auth/session.server.ts'
import type { Sql } from '#services/db/sql.server.ts'
import { startJobs } from '#services/jobs/runner.server.ts'
import { action, loader } from './jobs.tsx'

let db: Sql
let drop: () => Promise<void>
beforeAll(async () => ({ db, drop } = await freshDatabase()))
afterAll(() => drop())

const MINUTE = 60_000

describe('the admins\' jobs page', () => {
  it('retries a failing job with backoff, lists it for admins when it gives up, and an admin puts it back with CSRF', async () => {
    const jobs = await startJobs({})
    const admin = await makeStaff('admin')
    const handlaggare = await makeStaff('handlaggare', { teams: ['servicecenter'] })
    const browser = async (staff: { id: string }, init: RequestInit = {}) => {
      const { setCookie } = await createSession(new Request('http://x/'), 'staff', staff.id)
      const cookie = `${setCookie.split(';')[0]!}; csrf=${'c'.repeat(43)}`
      return (url: string, more: RequestInit = {}) => new Request(url, { ...init, ...more, headers: { cookie, ...more.headers } })
    }
    const asAdmin = await browser(admin)
    const load = async () => (await loader({ request: asAdmin('http://x/servicecenter/jobb'), params: {}, context: {} } as never))
    try {
      // Retention cannot reach a table it clears: the housekeeping job fails.
      await db`alter table bankid_orders rename to bankid_orders_away`
      const tick = new Date(Math.floor(Date.now() / MINUTE) * MINUTE).toISOString()
      await jobs.runner.addJob('housekeeping', { _cron: { ts: tick } }, { maxAttempts: 2 })
      // After the first failure it waits for a second attempt, later (backoff), and the page says so.
      await vi.waitFor(async () => expect((await load()).retrying).toHaveLength(1), { timeout: 15_000, interval: 200 })
      const retrying = (await load()).retrying[0]!
      expect(retrying).toMatchObject({ task: 'housekeeping', attempts: 1, maxAttempts: 2 })
      expect(retrying.lastError).toMatch(/bankid_orders/)
      expect(new Date(retrying.runAt).getTime()).toBeGreaterThan(Date.now())
      // Bring the second attempt forward rather than wait out the backoff; it fails too, and the job gives up.
      await db`update graphile_worker._private_jobs set run_at = now()`
      await vi.waitFor(async () => expect((await load()).failed).toHaveLength(1), { timeout: 15_000, interval: 200 })
      const page = await load()
      expect(page.failed[0]).toMatchObject({ task: 'housekeeping', attempts: 2, maxAttempts: 2 })
      expect(page.schedules.find((s) => s.task === 'housekeeping')!.last).toMatchObject({ attempt: 2, tick })
      expect(page.schedules.find((s) => s.task === 'housekeeping')!.last!.error).toMatch(/bankid_orders/)

      // Only admins see the page or retry; a retry needs this browser's CSRF token.
      const asHandlaggare = await browser(handlaggare)
      await expect(loader({ request: asHandlaggare('http://x/servicecenter/jobb'), params: {}, context: {} } as never)).rejects.toMatchObject({ status: 404 })
      const post = (request: Request) => action({ request, params: {}, context: {} } as never)
      const retryForm = (token: string) => ({ method: 'POST', body: new URLSearchParams({ _csrf: token, id: page.failed[0]!.id }), headers: { 'content-type': 'application/x-www-form-urlencoded' } })
      await expect(post(asHandlaggare('http://x/servicecenter/jobb', retryForm('c'.repeat(43))))).rejects.toMatchObject({ status: 404 })
      await expect(post(asAdmin('http://x/servicecenter/jobb', retryForm('d'.repeat(43))))).rejects.toMatchObject({ init: { status: 403 } })
      expect((await load()).failed).toHaveLength(1)

      // Fixed, retried: it runs at once and succeeds.
      await db`alter table bankid_orders_away rename to bankid_orders`
      const done = await post(asAdmin('http://x/servicecenter/jobb', retryForm('c'.repeat(43))))
      expect(done.status).toBe(303)
      expect(done.headers.get('location')).toBe('/servicecenter/jobb?klart=igen')
      await vi.waitFor(async () => expect((await load()).schedules.find((s) => s.task === 'housekeeping')!.last).toMatchObject({ attempt: 1, error: null, tick }), { timeout: 15_000, interval: 200 })
      expect((await load()).failed).toEqual([])
      // A retry of a job no longer failed changes nothing and says so.
      const again = await post(asAdmin('http://x/servicecenter/jobb', retryForm('c'.repeat(43))))
      expect(again.headers.get('location')).toBe('/servicecenter/jobb?klart=saknas')
    } finally {
      await jobs.stop()
    }
  })
})
