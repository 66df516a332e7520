import { unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FAULT, makeStaff, receiveCase } from '#tests/case-fixtures.ts'
import { freshDatabase } from '#tests/db.ts'
import { closedAgo } from '#tests/retention-fixtures.ts'
import { accessLogQuery, lookUpAccessLog } from '#services/audit/access-log.server.ts'
import { createSession } from '#services/auth/session.server.ts'
import type { Sql } from '#services/db/sql.server.ts'
import { action as retentionPage } from './retention.tsx'

let db: Sql
let drop: () => Promise<void>
beforeAll(async () => {
  ;({ db, drop } = await freshDatabase())
})
afterAll(() => drop())

describe('the bulk export on the retention page', () => {
  it('writes each exported case to the audit log, so the access log tells who took the whole case out', async () => {
    const admin = await makeStaff('admin', { name: 'Ada Admin' })
    const c = await receiveCase(FAULT)
    await closedAgo(c.id, 2)
    const cookie = (await createSession(new Request('http://x/'), 'staff', admin.id)).setCookie.split(';')[0]!
    const csrf = 't'.repeat(43)
    const request = new Request('http://x/servicecenter/gallring', {
      method: 'POST', headers: { cookie: `${cookie}; csrf=${csrf}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, intent: 'export' }),
    })
    const response = (await retentionPage({ request, params: {}, context: {} } as never)) as Response
    expect(response.headers.get('Content-Type')).toBe('application/zip')
    expect(Object.keys(unzipSync(new Uint8Array(await response.arrayBuffer())))).toContain(`${c.number}/arende.pdf`)
    const rows = await db`select staff_id from audit_log where case_id = ${c.id} and action = 'case.archive'`
    expect(rows).toEqual([{ staff_id: admin.id }])
    const { entries } = await lookUpAccessLog(admin.id, accessLogQuery(c.number)!, 'sida')
    expect(entries.map((e) => [e.staffName, e.action])).toContainEqual(['Ada Admin', 'case.archive'])
  })
})
