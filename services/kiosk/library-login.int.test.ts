import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDatabase } from '../../tests/db.ts'
import { createSession, getSession } from '../auth/session.server.ts'
import { sql } from '../db/sql.server.ts'
import { SIP2_TEST_PATRONS, SIP2_UNKNOWN_CARD } from '../library/sip2/test-patrons.ts'
import { startSip2TestServer, type Sip2TestServer } from '../library/sip2/test-server.server.ts'
import { CARD_LIMIT, checkLibraryCard, loginWithLibraryCard } from './library-login.server.ts'
import { kioskData } from './session-data.server.ts'
import { endKioskVisit } from './visit.server.ts'
import { findDraft } from '../cases/drafts.server.ts'

let drop: () => Promise<void>
let server: Sip2TestServer
beforeAll(async () => {
  ;({ drop } = await freshDatabase())
  server = await startSip2TestServer({ user: 'kiosk', password: 'pw', institutionId: 'TYRESO' })
  Object.assign(process.env, { SIP2_HOST: server.host, SIP2_PORT: String(server.port), SIP2_USER: 'kiosk', SIP2_PASSWORD: 'pw', SIP2_INSTITUTION: 'TYRESO' })
})
afterAll(async () => {
  await server.close()
  await drop()
})

const { valid, blocked, lost, fines } = SIP2_TEST_PATRONS

describe('library card check', () => {
  it('tells the right PIN, a wrong PIN, an unknown card and a blocked or lost card apart', async () => {
    expect(await checkLibraryCard(valid.cardNumber, valid.pin)).toEqual({ ok: true, patron: { id: valid.cardNumber, name: valid.name } })
    expect(await checkLibraryCard(valid.cardNumber, '9999')).toEqual({ ok: false, reason: 'wrong-pin' })
    expect(await checkLibraryCard(SIP2_UNKNOWN_CARD, '1234')).toEqual({ ok: false, reason: 'unknown-card' })
    expect(await checkLibraryCard(blocked.cardNumber, blocked.pin)).toEqual({ ok: false, reason: 'blocked' })
    expect(await checkLibraryCard(lost.cardNumber, lost.pin)).toEqual({ ok: false, reason: 'blocked' })
  })

  it('slows down guessing on one card: after the limit even the right PIN waits, other cards do not', async () => {
    for (let i = 0; i < CARD_LIMIT.failures; i++) expect(await checkLibraryCard(fines.cardNumber, `000${i}`)).toMatchObject({ reason: 'wrong-pin' })
    expect(await checkLibraryCard(fines.cardNumber, fines.pin)).toEqual({ ok: false, reason: 'rate-limited' })
    expect(await checkLibraryCard(valid.cardNumber, valid.pin)).toMatchObject({ ok: true })
  })

  it('says the library system is down when it cannot be reached, without counting it against the card', async () => {
    const port = process.env.SIP2_PORT
    const closed = await startSip2TestServer({ user: 'kiosk', password: 'pw' })
    process.env.SIP2_PORT = String(closed.port)
    await closed.close()
    try {
      for (let i = 0; i < CARD_LIMIT.failures + 1; i++) expect(await checkLibraryCard(valid.cardNumber, valid.pin)).toEqual({ ok: false, reason: 'unavailable' })
    } finally {
      process.env.SIP2_PORT = port
    }
    expect(await checkLibraryCard(valid.cardNumber, valid.pin)).toMatchObject({ ok: true })
  })
})

describe('library card login on a session', () => {
  const cookieOf = (setCookie: string) => `sid=${setCookie.split(';')[0]!.split('=')[1]}`

  it('gives the session a new token and the identity, keeping its drafts', async () => {
    const { session, setCookie } = await createSession(new Request('http://x/'), 'visitor')
    await sql()`insert into drafts (session_hash, form_id, form_version, expires_at) values (${session.tokenHash}, 'felanmalan', 1, now() + interval '1 day')`
    const request = new Request('http://x/', { headers: { cookie: cookieOf(setCookie) } })
    const next = await loginWithLibraryCard(request, { id: valid.cardNumber, name: valid.name })
    expect(await getSession(request)).toBeNull()
    const after = await getSession(new Request('http://x/', { headers: { cookie: cookieOf(next) } }))
    expect(kioskData(after).libraryCard).toMatchObject({ kind: 'library-card', patronId: valid.cardNumber, name: valid.name })
    const [drafts] = await sql()<{ n: number }[]>`select count(*)::int as n from drafts where session_hash = ${after!.tokenHash}`
    expect(drafts!.n).toBe(1)
  })

  it('starts afresh when another card was logged in on the session', async () => {
    const first = await loginWithLibraryCard(new Request('http://x/'), { id: valid.cardNumber, name: valid.name })
    const firstSession = await getSession(new Request('http://x/', { headers: { cookie: cookieOf(first) } }))
    await sql()`insert into drafts (session_hash, form_id, form_version, expires_at) values (${firstSession!.tokenHash}, 'felanmalan', 1, now() + interval '1 day')`
    const second = await loginWithLibraryCard(new Request('http://x/', { headers: { cookie: cookieOf(first) } }), { id: fines.cardNumber, name: fines.name })
    const after = await getSession(new Request('http://x/', { headers: { cookie: cookieOf(second) } }))
    expect(kioskData(after).libraryCard?.patronId).toBe(fines.cardNumber)
    const [drafts] = await sql()<{ n: number }[]>`select count(*)::int as n from drafts where session_hash = ${after!.tokenHash}`
    expect(drafts!.n).toBe(0)
    const [kept] = await sql()<{ n: number }[]>`select count(*)::int as n from drafts where owner_library_card = ${valid.cardNumber} and session_hash is null`
    expect(kept!.n).toBe(1)
  })

  it('keeps a card’s drafts when the visit ends and gives them back at the next login with that card, never to others', async () => {
    const login = await loginWithLibraryCard(new Request('http://x/'), { id: lost.cardNumber, name: lost.name })
    const session = (await getSession(new Request('http://x/', { headers: { cookie: cookieOf(login) } })))!
    const [draft] = await sql()<{ id: string }[]>`
      insert into drafts (session_hash, form_id, form_version, answers, expires_at) values (${session.tokenHash}, 'felanmalan', 1, '{"category":"klotter"}', now() + interval '1 day')
      returning id`
    const anonymous = await createSession(new Request('http://x/'), 'visitor')
    await sql()`insert into drafts (session_hash, form_id, form_version, expires_at) values (${anonymous.session.tokenHash}, 'felanmalan', 1, now() + interval '1 day')`
    expect(await endKioskVisit(session.tokenHash)).toBe(true)
    expect(await endKioskVisit(anonymous.session.tokenHash)).toBe(true)
    const [anonymousLeft] = await sql()<{ n: number }[]>`select count(*)::int as n from drafts where session_hash = ${anonymous.session.tokenHash}`
    expect(anonymousLeft!.n).toBe(0)

    const other = await loginWithLibraryCard(new Request('http://x/'), { id: fines.cardNumber, name: fines.name })
    const otherSession = (await getSession(new Request('http://x/', { headers: { cookie: cookieOf(other) } })))!
    expect(await findDraft(otherSession.tokenHash, 'felanmalan')).toBeNull()
    const again = await loginWithLibraryCard(new Request('http://x/'), { id: lost.cardNumber, name: lost.name })
    const back = (await getSession(new Request('http://x/', { headers: { cookie: cookieOf(again) } })))!
    expect(await findDraft(back.tokenHash, 'felanmalan')).toMatchObject({ id: draft!.id, answers: { category: 'klotter' } })
  })
})
