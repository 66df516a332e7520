import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeStaff } from '#tests/case-fixtures.ts'
import { freshDatabase } from '#tests/db.ts'
import { createSession } from '#services/auth/session.server.ts'
import { todayIso } from '#services/config/municipality.server.ts'
import type { Sql } from '#services/db/sql.server.ts'
import { templateFill } from './case/template-picker.tsx'
import { loader as caseLoader } from './case.tsx'
import { action as contactAction } from './contact.tsx'
import { action as editAction } from './template-edit.tsx'
import { loader as listLoader } from './templates.tsx'

let db: Sql
let drop: () => Promise<void>
const CSRF = 'c'.repeat(43)
type Who = { id: string; cookie: string }
let anna: Who
let lead: Who
let otherLead: Who

async function login(role: 'handlaggare' | 'teamledare', teams: string[], name: string): Promise<Who> {
  const s = await makeStaff(role, { teams, name })
  return { id: s.id, cookie: `${(await createSession(new Request('http://x/'), 'staff', s.id)).setCookie.split(';')[0]}; csrf=${CSRF}` }
}

/** A route action's answer to a browser's form post: a redirect's address, or the status and data. */
async function post(action: (args: never) => Promise<unknown>, who: Who, path: string, fields: Record<string, string>, params: Record<string, string>) {
  const body = new URLSearchParams({ _csrf: CSRF, ...fields })
  const request = new Request(`http://x${path}`, { method: 'POST', body, headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' } })
  try {
    const r = (await action({ request, params, context: {} } as never)) as { init?: { status?: number }; data?: { errors: Record<string, string> } }
    return { status: r.init?.status ?? 200, errors: r.data?.errors, location: undefined as string | undefined }
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get('Location') ?? undefined, errors: undefined }
    return { status: (thrown as { init: { status: number } }).init.status, location: undefined, errors: undefined }
  }
}

beforeAll(async () => {
  ;({ db, drop } = await freshDatabase())
  anna = await login('handlaggare', ['servicecenter'], 'Anna Andersson')
  lead = await login('teamledare', ['servicecenter'], 'Lena Ledare')
  otherLead = await login('teamledare', ['teknik'], 'Tore Teknik')
})
afterAll(() => drop())

const body = 'Hej {namn}!\nTack för ditt samtal om ärende {ärendenummer} den {inkom}. Vi återkommer senast {frist}.'
const template = { team: 'servicecenter', formId: '', kind: 'message', title: 'Tack för samtalet', body }

describe('standard replies', () => {
  let id: string

  it('are written by a team lead for their team; an unknown placeholder or missing text gets a message beside the field', async () => {
    const bad = await post(editAction, lead, '/servicecenter/mallar/ny', { ...template, body: 'Hej {nam}', title: '' }, { templateId: 'ny' })
    expect(bad.status).toBe(400)
    expect(bad.errors).toEqual({
      title: 'Skriv en rubrik för mallen',
      body: 'Okänd platshållare {nam}. Använd {namn}, {ärendenummer}, {inkom}, {frist}, {idag}',
    })
    const foreign = await post(editAction, lead, '/servicecenter/mallar/ny', { ...template, team: 'teknik' }, { templateId: 'ny' })
    expect(foreign.errors).toEqual({ team: 'Välj ett av dina team' })

    const ok = await post(editAction, lead, '/servicecenter/mallar/ny', template, { templateId: 'ny' })
    expect(ok.location).toBe('/servicecenter/mallar?meddelande=sparad')
    ;[{ id }] = (await db`select id from reply_templates where title = 'Tack för samtalet'`) as unknown as [{ id: string }]
    const list = (await listLoader({ request: new Request('http://x/servicecenter/mallar', { headers: { cookie: lead.cookie } }), params: {}, context: {} } as never)) as { templates: unknown[] }
    expect(list.templates).toEqual([{ id, title: 'Tack för samtalet', kind: 'Meddelande', team: 'Servicecenter', form: 'Alla e-tjänster' }])
  })

  it('are kept only by team leads of that team: a handläggare and another team’s lead get 404', async () => {
    expect((await post(editAction, anna, `/servicecenter/mallar/${id}`, template, { templateId: id })).status).toBe(404)
    expect((await post(editAction, otherLead, `/servicecenter/mallar/${id}`, { ...template, team: 'teknik' }, { templateId: id })).status).toBe(404)
    expect((await post(editAction, otherLead, `/servicecenter/mallar/${id}`, { intent: 'delete' }, { templateId: id })).status).toBe(404)
    expect((await db`select title from reply_templates where id = ${id}`)[0]).toEqual({ title: 'Tack för samtalet' })
  })

  it('fill the message form on the case page with the case’s name, number and dates, to edit before sending', async () => {
    const r = await post(contactAction, anna, '/servicecenter/kontakt', {
      _draft: crypto.randomUUID(), _channel: 'phone', reason: 'avfall', question: 'Var lämnar jag grovsopor?', answer: '', _next: 'open', _name: 'Tolvan Tolvansson',
    }, {})
    const caseId = r.location!.split('/')[3]!.split('?')[0]!
    const [c] = (await db`select number, received_at from cases where id = ${caseId}`) as unknown as [{ number: string; received_at: Date }]
    const open = async (query: string) => (await caseLoader({
      request: new Request(`http://x/servicecenter/arenden/${caseId}${query}`, { headers: { cookie: anna.cookie } }), params: { caseId }, context: {},
    } as never)) as Parameters<typeof templateFill>[0] & { templates: { options: { id: string }[] } }
    const plain = await open('')
    expect(plain.templates.options.map((o) => o.id)).toEqual([id])
    expect(templateFill(plain)).toBeUndefined()

    const d = await open(`?mall=${id}`)
    const day = (x: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(x)
    const due = new Date(c.received_at.getTime() + 5 * 24 * 3600_000)
    expect(templateFill(d)).toEqual({
      intent: 'message',
      values: { message: `Hej Tolvan Tolvansson!\nTack för ditt samtal om ärende ${c.number} den ${todayIso(c.received_at)}. Vi återkommer senast ${day(due)}.` },
    })
    // Another team's template is not offered, nor filled by its id.
    await db`insert into reply_templates (team, kind, title, body) values ('teknik', 'message', 'Teknik', 'Hej')`
    const [{ id: teknik }] = (await db`select id from reply_templates where team = 'teknik'`) as unknown as [{ id: string }]
    expect(templateFill(await open(`?mall=${teknik}`))).toBeUndefined()
  })

  it('are deleted by their team lead', async () => {
    expect((await post(editAction, lead, `/servicecenter/mallar/${id}`, { intent: 'delete' }, { templateId: id })).location).toBe('/servicecenter/mallar?meddelande=borttagen')
    expect(await db`select id from reply_templates where id = ${id}`).toEqual([])
  })
})
