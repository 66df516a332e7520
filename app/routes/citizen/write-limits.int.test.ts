import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loginCitizen } from '../../../services/auth/citizen.server.ts'
import { createSession } from '../../../services/auth/session.server.ts'
import { closeSql } from '../../../services/db/sql.server.ts'
import { FAULT, receiveCase } from '../../../tests/case-fixtures.ts'
import { freshDatabase } from '../../../tests/db.ts'
import { startPortal } from '../../../tests/portal-app.ts'

// Upload limits (issue 10) on Mina sidor: a message's files count like an e-service page's. One megabyte per
// session here, so a two-megabyte file is over it; read once by the process's limits, so set before any request.
process.env.RATE_LIMITS = 'on'
process.env.UPLOAD_LIMIT_MB_PER_SESSION = '1'

const PERSON = { personnummer: '198112189876', name: 'Sven Svensson' }
let portal: Awaited<ReturnType<typeof startPortal>>
let drop: () => Promise<void>
let db: Awaited<ReturnType<typeof freshDatabase>>['db']

beforeAll(async () => {
  ;({ db, drop } = await freshDatabase())
  portal = await startPortal()
}, 120_000)
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

function message(csrf: string, text: string, file?: { name: string; bytes: number }) {
  const form = new FormData()
  form.set('_csrf', csrf)
  form.set('message', text)
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
    const messages = async () => (await db<{ n: number }[]>`
      select count(*)::int as n from case_events where case_id = ${c.id} and type = 'message' and data->>'direction' = 'in'`)[0]?.n
    expect(await messages()).toBe(0)

    // Without the files the same message goes through.
    const plain = await fetch(url, { method: 'POST', headers: { cookie }, body: message(csrf, text), redirect: 'manual' })
    expect(plain.status).toBe(302)
    expect(await messages()).toBe(1)
  })
})
