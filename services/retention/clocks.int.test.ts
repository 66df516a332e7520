import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeStaff, receiveCase } from '#tests/case-fixtures.ts'
import { freshDatabase } from '#tests/db.ts'
import type { Sql } from '../db/sql.server.ts'
import { retentionLog } from './preview.server.ts'
import { CLOCKS, runClocks } from './clocks.server.ts'

let db: Sql
let drop: () => Promise<void>
beforeAll(async () => ({ db, drop } = await freshDatabase()))
afterAll(() => drop())

const session = async (hash: string, expiresIn: string, personnummer: string | null = null) => db`
  insert into sessions (token_hash, kind, personnummer, person_name, expires_at)
  values (${hash}, ${personnummer ? 'citizen' : 'visitor'}, ${personnummer}, ${personnummer ? 'Test Person' : null}, now() + ${expiresIn}::interval)`

describe('clocks for personal data outside cases', () => {
  it('deletes expired sessions, keeps live ones, and lets a person’s drafts outlive their session', async () => {
    await session('gone', '-1 minute', '198112189876')
    await session('live', '10 minutes', '198112189876')
    await session('anon', '-1 hour')
    await db`insert into drafts (session_hash, form_id, form_version, expires_at, owner_personnummer) values ('gone', 'trygghetslarm', 1, now() + interval '20 days', '198112189876')`
    await db`insert into drafts (session_hash, form_id, form_version, expires_at) values ('anon', 'felanmalan', 1, now() + interval '20 days')`
    const counts = await runClocks()
    expect(counts.sessions).toBe(2)
    expect((await db`select token_hash from sessions`).map((r) => r.token_hash)).toEqual(['live'])
    expect(await db`select owner_personnummer, session_hash from drafts`).toEqual([{ owner_personnummer: '198112189876', session_hash: null }])
  })

  it('deletes expired login attempt counters', async () => {
    await db`insert into login_attempts (key, attempts, expires_at) values ('gone', 3, now() - interval '1 minute'), ('live', 1, now() + interval '10 minutes')`
    await runClocks()
    expect((await db`select key from login_attempts`).map((r) => r.key)).toEqual(['live'])
  })

  it('deletes sent mails after 30 days and failed ones after 90, never one still in line', async () => {
    const mail = (sent: string | null, failed: string | null) => db`
      insert into outbox (kind, payload, sent_at, failed_at) values ('email', ${db.json({ to: 'x@example.se' })},
        ${sent ? db`now() - ${sent}::interval` : null}, ${failed ? db`now() - ${failed}::interval` : null}) returning id`
    const [[oldSent], [newSent], [oldFailed], [newFailed], [queued]] = [await mail('31 days', null), await mail('29 days', null),
      await mail(null, '91 days'), await mail(null, '60 days'), await mail(null, null)]
    await runClocks()
    const left = (await db`select id from outbox`).map((r) => r.id)
    expect(left.sort()).toEqual([newSent!.id, newFailed!.id, queued!.id].sort())
    expect(left).not.toContain(oldSent!.id)
    expect(left).not.toContain(oldFailed!.id)
  })

  it('takes the path and the staff off help requests after 90 days, keeping them for the statistics', async () => {
    const staff = await makeStaff('bibliotek')
    const [kiosk] = await db`insert into kiosks (location, name, token_hash) values ('strand', 'Dator 1', 'h') returning id`
    await db`insert into help_requests (kiosk_id, location, path, created_at, taken_by, done_by, done_at)
      values (${kiosk!.id}, 'strand', '/e-tjanster/trygghetslarm/kontakter', now() - interval '91 days', ${staff.id}, ${staff.id}, now() - interval '91 days'),
             (${kiosk!.id}, 'strand', '/e-tjanster/felanmalan', now() - interval '10 days', ${staff.id}, ${staff.id}, now() - interval '10 days')`
    await runClocks()
    expect(await db`select path, taken_by, done_by, location from help_requests order by created_at`).toEqual([
      { path: '', taken_by: null, done_by: null, location: 'strand' },
      { path: '/e-tjanster/felanmalan', taken_by: staff.id, done_by: staff.id, location: 'strand' },
    ])
  })

  it('deletes kiosk enrolment codes a week after expiry', async () => {
    const admin = await makeStaff('admin')
    await db`insert into kiosk_enrolment_codes (code_hash, location, kiosk_name, created_by, expires_at)
      values ('old', 'strand', 'A', ${admin.id}, now() - interval '8 days'), ('new', 'strand', 'B', ${admin.id}, now() + interval '1 hour')`
    await runClocks()
    expect((await db`select code_hash from kiosk_enrolment_codes`).map((r) => r.code_hash)).toEqual(['new'])
  })

  it('clears the access log’s details after three years and keeps who opened which case', async () => {
    const admin = await makeStaff('admin')
    const c = await receiveCase()
    await db`insert into audit_log (at, staff_id, action, case_id, details) values
      (now() - interval '3 years 1 day', ${admin.id}, 'search.personnummer', null, ${db.json({ q: '198112189876' })}),
      (now() - interval '3 years 1 day', ${admin.id}, 'case.view', ${c.id}, ${db.json({ q: 'x' })}),
      (now() - interval '1 year', ${admin.id}, 'search', null, ${db.json({ q: 'Storgatan' })})`
    await runClocks()
    expect(await db`select action, case_id, details from audit_log where staff_id = ${admin.id} order by at, id`).toEqual([
      { action: 'search.personnummer', case_id: null, details: {} },
      { action: 'case.view', case_id: c.id, details: {} },
      { action: 'search', case_id: null, details: { q: 'Storgatan' } },
    ])
  })

  it('deletes finished BankID orders (their own clock, run with the others) and logs every clock that removed rows', async () => {
    expect(CLOCKS.map((c) => c.name)).toContain('bankid_orders')
    const rules = (await retentionLog()).map((l) => l.rule)
    for (const name of ['sessions', 'login_attempts', 'outbox_sent', 'outbox_failed', 'help_requests', 'kiosk_enrolment_codes', 'audit_details'])
      expect(rules).toContain(name)
    expect(Object.values(await runClocks()).every((n) => n === 0)).toBe(true)
  })
})
