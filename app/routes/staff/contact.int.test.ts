import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeStaff } from '#tests/case-fixtures.ts'
import { freshDatabase } from '#tests/db.ts'
import { createSession } from '#services/auth/session.server.ts'
import { rebuildState } from '#services/cases/projection.server.ts'
import { todayIso } from '#services/config/municipality.server.ts'
import type { Sql } from '#services/db/sql.server.ts'
import { action as contactAction } from './contact.tsx'
import { action as registerAction } from './register-form.tsx'
import { loader as csvLoader } from './stats-csv.ts'
import { loader as xlsxLoader } from './stats-xlsx.ts'

let db: Sql
let drop: () => Promise<void>
let anna: { id: string; cookie: string }
let lead: { id: string; cookie: string }
const CSRF = 'c'.repeat(43)

async function login(role: 'handlaggare' | 'teamledare', name: string) {
  const s = await makeStaff(role, { teams: ['servicecenter'], name })
  const session = (await createSession(new Request('http://x/'), 'staff', s.id)).setCookie.split(';')[0]!
  return { id: s.id, cookie: `${session}; csrf=${CSRF}` }
}

beforeAll(async () => {
  ;({ db, drop } = await freshDatabase())
  anna = await login('handlaggare', 'Anna Andersson')
  lead = await login('teamledare', 'Lena Ledare')
})
afterAll(() => drop())

/** Posts a form to a route action the way a browser without JavaScript does; the thrown redirect is the answer. */
async function post(action: typeof contactAction, who: { cookie: string }, path: string, fields: Record<string, string>, params = {}) {
  const body = new URLSearchParams({ _csrf: CSRF, _draft: crypto.randomUUID(), ...fields })
  const request = new Request(`http://x${path}`, { method: 'POST', body, headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' } })
  try {
    const r = await action({ request, params, context: {} } as never)
    return { status: (r as { init?: { status?: number } }).init?.status ?? 200, data: (r as { data?: unknown }).data as { errors: Record<string, string> } }
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get('Location') ?? '' }
    if ((thrown as { init?: { status?: number } }).init?.status) return { status: (thrown as { init: { status: number } }).init.status }
    throw thrown
  }
}

const call = { _channel: 'phone', reason: 'avfall', question: 'När töms kärlet på Granvägen?', answer: 'Tisdagar jämna veckor.', _next: 'answered' }
const caseOf = async (number: string) => (await db<{ id: string; status: string; assignee_id: string | null; outcome: string | null; channel: string; team: string; applicant: { name?: string; personnummer?: string } | null }[]>`
  select c.id, s.status, s.assignee_id, s.outcome, s.channel, s.team, c.applicant from cases c join case_state s on s.case_id = c.id where c.number = ${number}`)[0]!

describe('Ny kontakt', () => {
  it('registers a phone call answered directly as a closed contact case in one step, claimed by whoever took it', async () => {
    const r = await post(contactAction, anna, '/servicecenter/kontakt', { ...call, _personnummer: '19121212-1212', _name: 'Tolvan Tolvansson', phone: '070-123 45 67' })
    expect(r.status).toBe(302)
    const number = new URL(r.location!, 'http://x').searchParams.get('besvarad')!
    expect(number).toMatch(/^KON-\d{4}-\d{6}$/)
    const c = await caseOf(number)
    expect(c).toMatchObject({ status: 'closed', outcome: 'answered', assignee_id: anna.id, channel: 'phone', team: 'servicecenter' })
    expect(c.applicant).toEqual({ personnummer: '191212121212', name: 'Tolvan Tolvansson' })
    const events = await db<{ type: string; data: Record<string, unknown> }[]>`select type, data from case_events where case_id = ${c.id} order by seq`
    expect(events.map((e) => e.type)).toEqual(['received', 'claimed', 'closed'])
    expect(events[2]!.data).toMatchObject({ outcome: 'answered', atFirstContact: true })
    // The stored projection is the log folded again.
    const stored = (await db`select status, assignee_id, outcome from case_state where case_id = ${c.id}`)[0]
    await db.begin((tx) => rebuildState(tx as never, c.id))
    expect((await db`select status, assignee_id, outcome from case_state where case_id = ${c.id}`)[0]).toEqual(stored)
  })

  it('keeps a contact open with the person who took it, or forwards it to a department', async () => {
    const open = await post(contactAction, anna, '/servicecenter/kontakt', { ...call, _channel: 'visit', answer: '', _next: 'open' })
    expect(open.location).toMatch(/^\/servicecenter\/arenden\/[0-9a-f-]{36}\?meddelande=registrerat$/)
    const openId = open.location!.split('/')[3]!.split('?')[0]!
    expect((await db`select status, assignee_id from case_state where case_id = ${openId}`)[0]).toEqual({ status: 'in_progress', assignee_id: anna.id })

    const fwd = await post(contactAction, anna, '/servicecenter/kontakt', { ...call, _channel: 'letter', _next: 'forward', _department: 'samhallsbyggnad' })
    const fwdId = fwd.location!.split('/')[3]!.split('?')[0]!
    expect((await db`select status, forwarded_to from case_state where case_id = ${fwdId}`)[0]).toEqual({ status: 'forwarded', forwarded_to: 'samhallsbyggnad' })
  })

  it('answers bad input with the portal’s messages beside each field and stores nothing', async () => {
    const before = (await db`select count(*)::int as n from cases`)[0]!.n
    const r = await post(contactAction, anna, '/servicecenter/kontakt', {
      _channel: 'fax', reason: 'nope', question: '', answer: '', _next: 'answered', _personnummer: '19121212-1213', email: 'inte-en-adress',
    })
    expect(r.status).toBe(400)
    expect(r.data!.errors).toMatchObject({
      _channel: 'Välj hur ärendet kom in',
      _personnummer: 'Skriv personnumret som ÅÅÅÅMMDD-NNNN',
      question: 'Skriv vad personen frågade om',
      answer: 'Skriv vilket svar du gav, eller välj att hålla kontakten öppen',
    })
    expect(r.data!.errors.reason).toBeTruthy()
    expect(r.data!.errors.email).toBeTruthy()
    const forward = await post(contactAction, anna, '/servicecenter/kontakt', { ...call, _next: 'forward', _department: '' })
    expect(forward.data!.errors._department).toBe('Välj förvaltning att vidarebefordra till')
    expect((await db`select count(*)::int as n from cases`)[0]!.n).toBe(before)
  })

  it('refuses a post without the CSRF token, a forged idempotency key, and a role without case handling', async () => {
    const noCsrf = await post(contactAction, { cookie: anna.cookie.replace(`csrf=${CSRF}`, 'csrf=x') }, '/servicecenter/kontakt', call)
    expect(noCsrf.status).toBe(403)
    expect((await post(contactAction, anna, '/servicecenter/kontakt', { ...call, _draft: 'not-a-uuid' })).status).toBe(400)
    const dpo = await makeStaff('dataskydd')
    const dpoCookie = `${(await createSession(new Request('http://x/'), 'staff', dpo.id)).setCookie.split(';')[0]}; csrf=${CSRF}`
    expect((await post(contactAction, { cookie: dpoCookie }, '/servicecenter/kontakt', call)).status).toBe(404)
  })

  it('makes one case of a submit sent twice', async () => {
    const draft = crypto.randomUUID()
    const first = await post(contactAction, anna, '/servicecenter/kontakt', { ...call, _draft: draft })
    const again = await post(contactAction, anna, '/servicecenter/kontakt', { ...call, _draft: draft })
    expect(again.location).toBe(first.location)
    expect((await db`select count(*)::int as n from cases where idempotency_key = ${draft}`)[0]!.n).toBe(1)
  })
})

describe('registering an e-service for a caller', () => {
  it('asks the name once, in the e-service’s own question, and lands claimed by whoever took the call', async () => {
    const r = await post(registerAction as never, anna, '/servicecenter/registrera/felanmalan', {
      _channel: 'phone', category: 'gatubelysning', 'address.street': 'Granvägen 1', 'address.postcode': '135 40', 'address.city': 'Tyresö',
      description: 'Lampan lyser inte', name: 'Nils Nilsson', _personnummer: '19121212-1212',
    }, { formId: 'felanmalan' })
    expect(r.status, JSON.stringify(r.data?.errors)).toBe(302)
    const id = r.location!.split('/')[3]!.split('?')[0]!
    expect((await db`select s.status, s.assignee_id, c.applicant from case_state s join cases c on c.id = s.case_id where s.case_id = ${id}`)[0])
      .toEqual({ status: 'in_progress', assignee_id: anna.id, applicant: { personnummer: '191212121212', name: 'Nils Nilsson' } })
  })
})

describe('contacts in the statistics and their exports', () => {
  const period = `fran=${todayIso()}&till=${todayIso()}`
  const file = async (loader: (args: never) => Promise<Response>, table: string, who = lead) =>
    loader({ request: new Request(`http://x/servicecenter/statistik.x?tabell=${table}&${period}`, { headers: { cookie: who.cookie } }), params: {}, context: {} } as never)

  it('counts contacts per channel and reason with the share answered at first contact, in a CSV for Swedish Excel', async () => {
    const res = await file(csvLoader, 'kontakter')
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = new TextDecoder().decode(bytes.slice(3)).trimEnd().split('\r\n').map((l) => l.split(';'))
    expect(lines[0]).toEqual(['Kanal', 'Orsak', 'Antal', 'Besvarade direkt', 'Andel besvarade direkt (%)'])
    // Phone: the call answered for Tolvan and the submit sent twice (one case); refused posts count nothing.
    expect(lines).toContainEqual(['Telefon', 'Avfall och återvinning', '2', '2', '100'])
    expect(lines).toContainEqual(['Besök', 'Avfall och återvinning', '1', '0', '0'])
    expect(lines).toContainEqual(['Brev', 'Avfall och återvinning', '1', '0', '0'])
  })

  it('gives per team and per handläggare the share answered directly with a decimal comma, and the same numbers as xlsx', async () => {
    const csv = new TextDecoder().decode(new Uint8Array(await (await file(csvLoader, 'handlaggare')).arrayBuffer()).slice(3))
    const rows = csv.trimEnd().split('\r\n').map((l) => l.split(';'))
    expect(rows[0]).toEqual(['Handläggare', 'Ärenden', 'Kontakter', 'Besvarade direkt', 'Andel av kontakterna besvarade direkt (%)', 'Hanterade inom tidsfrist', 'Andel inom tidsfrist (%)'])
    // Anna: four contacts (two answered) and the felanmälan she registered; the answered two were handled within their deadline.
    expect(rows).toContainEqual(['Anna Andersson', '5', '4', '2', '50', '2', '100'])

    const x = await file(xlsxLoader, 'team')
    expect(x.headers.get('Content-Type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(await x.arrayBuffer())
    const sheet = wb.worksheets[0]!
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1)
    expect(values(2)).toEqual(['Team', 'Ärenden', 'Kontakter', 'Besvarade direkt', 'Andel av kontakterna besvarade direkt (%)', 'Hanterade inom tidsfrist', 'Andel inom tidsfrist (%)'])
    const teams = [3, 4].map(values)
    expect(teams).toContainEqual(['Servicecenter', 4, 4, 2, 50, 2, 100])
  })

  it('shows a third share with its decimal comma', async () => {
    await post(contactAction, anna, '/servicecenter/kontakt', { ...call, _channel: 'email', answer: '', _next: 'open' })
    const csv = new TextDecoder().decode(new Uint8Array(await (await file(csvLoader, 'handlaggare')).arrayBuffer()).slice(3))
    expect(csv).toContain('Anna Andersson;6;5;2;40;2;100')
    const t = await file(csvLoader, 'team')
    expect(new TextDecoder().decode(new Uint8Array(await t.arrayBuffer()))).toContain('Servicecenter;5;5;2;40;2;100')
  })

  it('is for team leads: a handläggare gets 404', async () => {
    await expect(file(csvLoader, 'kontakter', anna)).rejects.toMatchObject({ status: 404 })
  })
})
