import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeStaff } from '#tests/case-fixtures.ts'
import { freshDatabase } from '#tests/db.ts'
import { receiveTrygghetslarm, SEVENTY, SIXTY } from '#tests/trygghetslarm-case.ts'
import { accessLogQuery, lookUpAccessLog } from '#services/audit/access-log.server.ts'
import { audit, auditCitizen } from '#services/audit/audit.server.ts'
import { createSession } from '#services/auth/session.server.ts'
import { loadScope, type StaffMember } from '#services/auth/teams.server.ts'
import type { Sql } from '#services/db/sql.server.ts'
import { searchCases } from '#services/cases/search.server.ts'
import { loader as attachmentLoader } from './attachment.ts'
import { loader as caseLoader } from './case.tsx'
import { action as csvAction } from './access-log-csv.ts'

let db: Sql
let drop: () => Promise<void>
let sara: StaffMember
let larm: string
let other: string
let photo: string
const member = async (s: Awaited<ReturnType<typeof makeStaff>>): Promise<StaffMember> => ({ ...s, ...(await loadScope(s.id)) })

beforeAll(async () => {
  ;({ db, drop } = await freshDatabase())
  sara = await member(await makeStaff('handlaggare', { teams: ['social'], name: 'Sara Social' }))
  larm = await receiveTrygghetslarm(SEVENTY)
  other = await receiveTrygghetslarm(SIXTY)
  ;[{ id: photo }] = (await db`
    insert into attachments (case_id, field_id, file_name, mime, size, sha256, bytes)
    values (${larm}, 'supplement:2', 'dorren.png', 'image/png', 4, 'x', ${Buffer.from('\x89PNG')}) returning id`) as unknown as [{ id: string }]
})
afterAll(() => drop())

const cookieFor = async (staffId: string) => (await createSession(new Request('http://x/'), 'staff', staffId)).setCookie.split(';')[0]!
const get = (cookie: string, path: string) => new Request(`http://x${path}`, { headers: { cookie } })
const count = async (action: string, caseId = larm) =>
  ((await db`select count(*)::int as n from audit_log where case_id = ${caseId} and action = ${action}`) as unknown as [{ n: number }])[0].n

describe('the audit log counts openings, not requests', () => {
  it('writes one entry for opening a case, however often the page reloads or comes back after an action', async () => {
    const cookie = await cookieFor(sara.id)
    const open = () => caseLoader({ request: get(cookie, `/servicecenter/arenden/${larm}`), params: { caseId: larm }, context: {} } as never)
    await open()
    // The redirect after an action (POST → 303 → GET) and a reload are the same opening.
    await open()
    await open()
    expect(await count('case.view')).toBe(1)
  })

  it('counts a picture shown on the case page as part of the case view, and an attachment opened on its own once', async () => {
    const cookie = await cookieFor(sara.id)
    const file = (query: string) => attachmentLoader({
      request: get(cookie, `/servicecenter/arenden/${larm}/bilagor/${photo}${query}`), params: { caseId: larm, attachmentId: photo }, context: {},
    } as never)
    await file('?visning=sida')
    await file('?visning=sida')
    expect(await count('case.attachment')).toBe(0)
    await file('')
    await file('')
    expect(await count('case.attachment')).toBe(1)
  })

  it('writes one entry when two requests for the same opening arrive at once', async () => {
    const cookie = await cookieFor(sara.id)
    const open = () => caseLoader({ request: get(cookie, `/servicecenter/arenden/${other}`), params: { caseId: other }, context: {} } as never)
    await Promise.all([open(), open(), open(), open()])
    expect(await count('case.view', other)).toBe(1)
  })

  it('writes a new entry when the same person opens the case again after the window', async () => {
    await db`alter table audit_log disable trigger audit_log_append_only`
    await db`update audit_log set at = at - interval '11 minutes' where case_id = ${larm} and action = 'case.view'`
    await db`alter table audit_log enable trigger audit_log_append_only`
    const cookie = await cookieFor(sara.id)
    await caseLoader({ request: get(cookie, `/servicecenter/arenden/${larm}`), params: { caseId: larm }, context: {} } as never)
    expect(await count('case.view')).toBe(2)
  })
})

describe('the access log', () => {
  it('tells, for a personnummer, who opened the person’s cases and files and who searched for them; the lookup is logged too', async () => {
    const dpo = await makeStaff('dataskydd', { name: 'Dora Dataskydd' })
    await searchCases(sara, '19560314-9989')
    await searchCases(sara, '19660403-9807')
    const { caseNumbers, entries } = await lookUpAccessLog(dpo.id, accessLogQuery('195603149989')!, 'sida')
    const [{ number }] = (await db`select number from cases where id = ${larm}`) as unknown as [{ number: string }]
    expect(caseNumbers).toEqual([number])
    const told = entries.map((e) => [e.staffName, e.action, e.caseNumber])
    expect(told.filter(([, a]) => a === 'case.view')).toEqual([['Sara Social', 'case.view', number], ['Sara Social', 'case.view', number]])
    expect(told).toContainEqual(['Sara Social', 'case.attachment', number])
    expect(told).toContainEqual(['Sara Social', 'search.personnummer', null])
    expect(told[0]).toEqual(['Dora Dataskydd', 'access_log.lookup', null])
    // Nothing about the other person.
    expect(entries.every((e) => e.details.q !== '196604039807')).toBe(true)
    expect(entries.map((e) => e.caseNumber)).not.toContain(((await db`select number from cases where id = ${other}`) as unknown as [{ number: string }])[0].number)
  })

  it('tells who made a register extract of the person, and when the person downloaded their own (ADR 021)', async () => {
    const dpo = await makeStaff('dataskydd', { name: 'Dag Dataskydd' })
    await audit(dpo.id, 'register.extract', { details: { personnummer: SIXTY, libraryCard: null, step: 'summary' } })
    await auditCitizen('register.extract.self', SIXTY, { format: 'pdf' })
    await audit(dpo.id, 'register.extract', { details: { personnummer: SEVENTY, libraryCard: null, step: 'summary' } })
    const { entries } = await lookUpAccessLog(dpo.id, accessLogQuery('19660403-9807')!, 'sida')
    const extracts = entries.filter((e) => e.action.startsWith('register.extract'))
    expect(extracts.map((e) => [e.staffName, e.action])).toEqual([[null, 'register.extract.self'], ['Dag Dataskydd', 'register.extract']])
  })

  it('tells, for a case number, who opened that case, and takes the number in any case and width', async () => {
    const dpo = await makeStaff('dataskydd')
    const [{ number }] = (await db`select number from cases where id = ${other}`) as unknown as [{ number: string }]
    const typed = number.toLowerCase().replace(/-0+(\d)/, '-$1')
    expect(accessLogQuery(typed)).toEqual({ kind: 'number', value: number })
    const { entries } = await lookUpAccessLog(dpo.id, accessLogQuery(typed)!, 'sida')
    expect(entries.map((e) => [e.action, e.caseNumber])).toEqual([['access_log.lookup', null], ['case.view', number]])
    expect(accessLogQuery('Svensson')).toBeNull()
  })

  it('downloads as semicolon CSV with a byte-order mark for the data protection officer, and to no one else', async () => {
    const dpo = await makeStaff('dataskydd')
    const post = async (staffId: string, q: string) => {
      const cookie = `${await cookieFor(staffId)}; csrf=${'t'.repeat(43)}`
      const body = new URLSearchParams({ _csrf: 't'.repeat(43), q })
      const request = new Request('http://x/servicecenter/atkomstlogg.csv', { method: 'POST', headers: { cookie, 'Content-Type': 'application/x-www-form-urlencoded' }, body })
      try {
        return await csvAction({ request, params: {}, context: {} } as never)
      } catch (e) {
        return e as Response
      }
    }
    const r = await post(dpo.id, '19560314-9989')
    expect(r.status).toBe(200)
    expect(r.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    // The file name lands in download lists and synced folders: it carries the date, never the personnummer.
    expect(r.headers.get('Content-Disposition')).toMatch(/^attachment; filename="atkomstlogg-\d{4}-\d{2}-\d{2}\.csv"/)
    const bytes = new Uint8Array(await r.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n')
    expect(lines[0]).toBe('Tid;Personal;E-post;Vad;Ärende;Detalj')
    expect(lines.some((l) => /;Sara Social;.*;Öppnade ärende;LARM-/.test(l))).toBe(true)
    expect((await post(dpo.id, 'diabetes')).status).toBe(400)
    // A handläggare is not shown the log (404, as for any page their role does not have).
    expect((await post(sara.id, '19560314-9989')).status).toBe(404)
  })
})
