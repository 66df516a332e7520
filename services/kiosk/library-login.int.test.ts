import net from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { freshDatabase } from '#tests/db.ts'
import { createSession, getSession } from '../auth/session.server.ts'
import { sql } from '../db/sql.server.ts'
import { env, setEnv } from '../env.server.ts'
import { SIP2_TEST_PATRONS, SIP2_UNKNOWN_CARD } from '../library/sip2/test-patrons.ts'
import { startSip2TestServer, type Sip2TestServer } from '../library/sip2/test-server.server.ts'
import { checkLibraryCard, loginWithLibraryCard } from './library-login.server.ts'
import { kioskData } from './session-data.server.ts'
import { endKioskVisit } from './visit.server.ts'
import { findDraft } from '../cases/drafts.server.ts'

let drop: () => Promise<void>
let server: Sip2TestServer
// The portal talks to the SIP2 test server through this relay, which counts the connections: one per card check
// that reached the library system.
let relay: net.Server
const library = { checks: 0 }
beforeAll(async () => {
  ;({ drop } = await freshDatabase())
  server = await startSip2TestServer({ user: 'kiosk', password: 'pw', institutionId: 'TYRESO' })
  relay = net.createServer((client) => {
    library.checks++
    const upstream = net.connect(server.port, server.host)
    client.on('error', () => upstream.destroy())
    upstream.on('error', () => client.destroy())
    client.pipe(upstream).pipe(client)
  })
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve))
  const port = (relay.address() as net.AddressInfo).port
  setEnv({ SIP2_HOST: '127.0.0.1', SIP2_PORT: String(port), SIP2_USER: 'kiosk', SIP2_PASSWORD: 'pw', SIP2_INSTITUTION: 'TYRESO' })
})
afterAll(async () => {
  await new Promise((resolve) => relay.close(resolve))
  await server.close()
  await drop()
})
afterEach(() => {
  setEnv({ LIBRARY_KIOSK_ATTEMPTS: undefined })
})

const { valid, blocked, lost, fines } = SIP2_TEST_PATRONS

describe('library card check', () => {
  it('answers an unknown card and a wrong PIN alike, and tells the right PIN and a blocked or lost card apart', async () => {
    expect(await checkLibraryCard(valid.cardNumber, valid.pin, 'kiosk-a')).toEqual({ ok: true, patron: { id: valid.cardNumber, name: 'Märta Åström' } })
    expect(await checkLibraryCard(valid.cardNumber, '9999', 'kiosk-a')).toEqual({ ok: false, reason: 'wrong' })
    expect(await checkLibraryCard(SIP2_UNKNOWN_CARD, '1234', 'kiosk-a')).toEqual({ ok: false, reason: 'wrong' })
    expect(await checkLibraryCard(blocked.cardNumber, blocked.pin, 'kiosk-a')).toEqual({ ok: false, reason: 'blocked' })
    expect(await checkLibraryCard(lost.cardNumber, lost.pin, 'kiosk-a')).toEqual({ ok: false, reason: 'blocked' })
  })

  it('limits guessing on one card at one kiosk, never the card at other kiosks', async () => {
    const tries = Array.from({ length: 12 }, (_, i) => checkLibraryCard(fines.cardNumber, `000${i}`, 'kiosk-b'))
    const reasons = (await Promise.all(tries)).map((r) => (r.ok ? 'ok' : r.reason)).sort()
    expect(reasons).toEqual([...Array(7).fill('rate-limited'), ...Array(5).fill('wrong')])
    const refused = await checkLibraryCard(fines.cardNumber, fines.pin, 'kiosk-b')
    expect(refused).toMatchObject({ ok: false, reason: 'rate-limited' })
    expect(!refused.ok && refused.reason === 'rate-limited' && refused.retryAt > new Date()).toBe(true)
    expect(await checkLibraryCard(fines.cardNumber, fines.pin, 'kiosk-c')).toMatchObject({ ok: true })
    expect(await checkLibraryCard(valid.cardNumber, valid.pin, 'kiosk-b')).toMatchObject({ ok: true })
  })

  it('limits one kiosk over all cards: of 30 card numbers tried in parallel, 10 reach the library system', async () => {
    library.checks = 0
    const tries = Array.from({ length: 30 }, (_, i) => checkLibraryCard(`2300${String(i).padStart(4, '0')}`, '1234', 'kiosk-d'))
    const reasons = (await Promise.all(tries)).map((r) => (r.ok ? 'ok' : r.reason)).sort()
    expect(reasons).toEqual([...Array(20).fill('rate-limited'), ...Array(10).fill('wrong')])
    expect(library.checks).toBe(10)
    expect(await checkLibraryCard(valid.cardNumber, valid.pin, 'kiosk-d')).toMatchObject({ reason: 'rate-limited' })
    expect(await checkLibraryCard(valid.cardNumber, valid.pin, 'kiosk-e')).toMatchObject({ ok: true })
  })

  it('takes the kiosk limit from LIBRARY_KIOSK_ATTEMPTS, and does not count the right PIN of a blocked card', async () => {
    setEnv({ LIBRARY_KIOSK_ATTEMPTS: '2' })
    for (let i = 0; i < 3; i++) expect(await checkLibraryCard(blocked.cardNumber, blocked.pin, 'kiosk-f')).toMatchObject({ reason: 'blocked' })
    expect(await checkLibraryCard(SIP2_UNKNOWN_CARD, '1', 'kiosk-f')).toMatchObject({ reason: 'wrong' })
    expect(await checkLibraryCard(SIP2_UNKNOWN_CARD, '2', 'kiosk-f')).toMatchObject({ reason: 'wrong' })
    expect(await checkLibraryCard(valid.cardNumber, valid.pin, 'kiosk-f')).toMatchObject({ reason: 'rate-limited' })
  })

  it('says the library system is down when it cannot be reached, without counting it against the card or the kiosk', async () => {
    const port = String(env().SIP2_PORT)
    const closed = await startSip2TestServer({ user: 'kiosk', password: 'pw' })
    setEnv({ SIP2_PORT: String(closed.port) })
    await closed.close()
    try {
      for (let i = 0; i < 11; i++) expect(await checkLibraryCard(valid.cardNumber, valid.pin, 'kiosk-g')).toEqual({ ok: false, reason: 'unavailable' })
    } finally {
      setEnv({ SIP2_PORT: port })
    }
    expect(await checkLibraryCard(valid.cardNumber, valid.pin, 'kiosk-g')).toMatchObject({ ok: true })
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
