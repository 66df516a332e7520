import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loginCitizen } from '#services/auth/citizen.server.ts'
import { createSession } from '#services/auth/session.server.ts'
import { actorOf } from '#services/auth/teams.server.ts'
import { appendEvent } from '#services/cases/append.server.ts'
import type { NewEvent } from '#services/cases/events.ts'
import { closeSql, sql } from '#services/db/sql.server.ts'
import { env, setEnv } from '#services/env.server.ts'
import { FAULT, makeStaff, receiveCase } from '#tests/case-fixtures.ts'
import { freshDatabase } from '#tests/db.ts'
import { startPortal } from '#tests/portal-app.ts'

// Upload limits (issue 10) on Mina sidor: a message's files count like an e-service page's. One megabyte per
// session here, so a two-megabyte file is over it.
setEnv({ RATE_LIMITS: 'on', UPLOAD_LIMIT_MB_PER_SESSION: '1' })

const PERSON = { personnummer: '198112189876', name: 'Sven Svensson' }
let portal: Awaited<ReturnType<typeof startPortal>>
let drop: () => Promise<void>
// The process's pool, asked afresh each time: the outage tests close it.
const db = () => sql()

beforeAll(async () => {
  ;({ drop } = await freshDatabase())
  portal = await startPortal()
  // The first request compiles the routes (Vite): slow on a busy machine, so not inside a test's time.
  await fetch(`${portal.base}/mina-sidor`, { redirect: 'manual' })
}, 180_000)
afterAll(async () => {
  await portal.close()
  await closeSql()
  await drop()
})

async function citizenCookies(): Promise<{ cookie: string; csrf: string }> {
  const { session } = await createSession(new Request('http://x/'), 'visitor')
  const login = await loginCitizen(session.tokenHash, PERSON)
  const csrf = randomBytes(32).toString('base64url')
  return { cookie: `${login!.setCookie.split(';')[0]}; csrf=${csrf}`, csrf }
}

function message(csrf: string, text: string, file?: { name: string; bytes: number }, field = 'message', extra: Record<string, string> = {}) {
  const form = new FormData()
  form.set('_csrf', csrf)
  form.set(field, text)
  for (const [k, v] of Object.entries(extra)) form.set(k, v)
  if (file) form.append('files', new File([new Uint8Array(file.bytes)], file.name, { type: 'application/pdf' }))
  return form
}

describe('a message from Mina sidor under the upload limits', () => {
  it('is refused with 429 when its files are over the limit, keeps the text, says when to try again, and sends nothing', async () => {
    const c = await receiveCase(FAULT, { applicant: PERSON })
    const { cookie, csrf } = await citizenCookies()
    const url = `${portal.base}/mina-sidor/arenden/${c.id}/meddelande`
    const text = 'Lampan lyser fortfarande inte, här är ett foto.'

    const over = await fetch(url, { method: 'POST', headers: { cookie }, body: message(csrf, text, { name: 'stor.pdf', bytes: 2 * 1024 * 1024 }), redirect: 'manual' })
    expect(over.status).toBe(429)
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0)
    const page = await over.text()
    expect(page).toContain('så inget skickades. Försök igen om')
    expect(page).toContain(text)
    const messages = async () => (await db()<{ n: number }[]>`
      select count(*)::int as n from case_events where case_id = ${c.id} and type = 'message' and data->>'direction' = 'in'`)[0]?.n
    expect(await messages()).toBe(0)

    // Without the files the same message goes through.
    const plain = await fetch(url, { method: 'POST', headers: { cookie }, body: message(csrf, text), redirect: 'manual' })
    expect(plain.status).toBe(302)
    expect(await messages()).toBe(1)
  })
})

/** While `during` runs, the portal's database cannot be reached (its pool closed, its address a dead port). */
async function withDatabaseDown<T>(during: () => Promise<T>): Promise<T> {
  const good = env().DATABASE_URL
  await closeSql()
  setEnv({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' })
  try {
    return await during()
  } finally {
    await closeSql()
    setEnv({ DATABASE_URL: good })
  }
}

describe('Mina sidor write pages while the database is down', () => {
  it('keep a message as typed with a calm notice (503), and it can be sent once the database is back', async () => {
    const c = await receiveCase(FAULT, { applicant: PERSON })
    const { cookie, csrf } = await citizenCookies()
    const url = `${portal.base}/mina-sidor/arenden/${c.id}/meddelande`
    const text = 'Det är fortfarande mörkt vid busshållplatsen.'
    const down = await withDatabaseDown(() => fetch(url, { method: 'POST', headers: { cookie }, body: message(csrf, text), redirect: 'manual' }))
    expect(down.status).toBe(503)
    const page = await down.text()
    expect(page).toContain('Vi kunde inte spara just nu på grund av tekniska problem.')
    expect(page).toContain('Skriv ett meddelande om ditt ärende')
    expect(page).toContain(`>${text}</textarea>`)
    expect(page).not.toMatch(/ECONN|at .*\.js:\d+/)

    const again = await fetch(url, { method: 'POST', headers: { cookie }, body: message(csrf, text), redirect: 'manual' })
    expect(again.status).toBe(302)
  })

  it('keep a supplement answer as typed, with the request it answers, so it can be sent again', async () => {
    const c = await receiveCase(FAULT, { applicant: PERSON })
    const anna = await makeStaff('handlaggare', { teams: ['teknik'], name: 'Anna Andersson' })
    const act = async (event: NewEvent) => {
      const [state] = await db()<{ seq: number }[]>`select seq from case_state where case_id = ${c.id}`
      const r = await appendEvent({ caseId: c.id, expectedSeq: state!.seq, event, actor: actorOf(anna), who: { kind: 'staff', id: anna.id, role: 'handlaggare', department: null } })
      if (r.kind !== 'ok') throw new Error(`${event.type}: ${JSON.stringify(r)}`)
      return r
    }
    await act({ type: 'claimed', data: { assignee: { id: anna.id, name: anna.name } } })
    const asked = await act({ type: 'supplement_requested', data: { items: [], message: 'Skicka en bild.', dueDate: '2099-01-31' } })
    const { cookie, csrf } = await citizenCookies()
    const url = `${portal.base}/mina-sidor/arenden/${c.id}/komplettera`
    const text = 'Bilden kommer i morgon.'
    const body = () => message(csrf, text, undefined, 'answer', { requestSeq: String(asked.event.seq) })
    const down = await withDatabaseDown(() => fetch(url, { method: 'POST', headers: { cookie }, body: body(), redirect: 'manual' }))
    expect(down.status).toBe(503)
    const page = await down.text()
    expect(page).toContain('Vi kunde inte spara just nu på grund av tekniska problem.')
    expect(page).toContain(`>${text}</textarea>`)
    expect(page).toContain(`name="requestSeq" value="${asked.event.seq}"`)

    const again = await fetch(url, { method: 'POST', headers: { cookie }, body: body(), redirect: 'manual' })
    expect(again.status).toBe(302)
  })
})
