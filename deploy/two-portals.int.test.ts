import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { get as httpGet, type IncomingMessage } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort } from '#bench/portal.ts'
import { startBankIdSimulator, type BankIdSimulator } from '#services/bankid/simulator/server.server.ts'
import { newAnswerKey } from '#services/crypto/answer-keys.server.ts'
import type { Sql } from '#services/db/sql.server.ts'
import { createEnrolmentCode, enrolWithCode } from '#services/kiosk/kiosks.server.ts'
import { KIOSK_COOKIE } from '#services/kiosk/visit.ts'
import { setStaffLocation } from '#services/kiosk/staff-location.server.ts'
import { startMailCatcher } from '#services/mail/catcher.server.ts'
import type { Staff } from '#services/auth/staff.server.ts'
import { makeStaff } from '#tests/case-fixtures.ts'
import { freshDatabase } from '#tests/db.ts'
import { startPortalProcess, type PortalProcess } from '#tests/e2e/second-portal.ts'
import { ensureProductionBuild } from '#tests/production-build.ts'
import { ProxyBrowser } from '#tests/proxy-client.ts'
import { selfSignedLocalhost } from '#tests/tls-cert.ts'

// The deployment of docs/deployment.md without containers (no Docker daemon here, ADR 029): two portal
// processes in production mode on one PostgreSQL, behind HAProxy from Debian's packages running
// deploy/haproxy.cfg, the file the compose deployment runs, with TLS ended at the proxy by a throwaway
// certificate. Everything below goes through the proxy over HTTPS, as a visitor's browser would.

const PASSWORD = 'ett långt lösenord'
const FORM = '/e-tjanster/felanmalan'
/** Failed staff logins one client address may make per window here (the default is 20). */
const ADDRESS_ATTEMPTS = 3

let db: Sql
let drop: () => Promise<void>
let dir: string
let proxyPort: number
let httpPort: number
let ca: string
let haproxy: ChildProcess | undefined
const portals: PortalProcess[] = []
let bankid: BankIdSimulator
let mail: Awaited<ReturnType<typeof startMailCatcher>>
let handlaggare: Staff

beforeAll(async () => {
  const haproxyBinary = spawnSync('haproxy', ['-v'])
  if (haproxyBinary.error) throw new Error('This test needs HAProxy: apt-get install haproxy (.ci/run installs it)')
  await ensureProductionBuild()
  ;({ db, drop } = await freshDatabase())
  dir = await mkdtemp(join(tmpdir(), 'two-portals-'))
  const tls = selfSignedLocalhost()
  ca = tls.certPem
  await writeFile(join(dir, 'proxy.pem'), tls.pem, { mode: 0o600 })
  // One BankID and one SMTP server for both processes, as a real deployment has (BankID's own service, the
  // municipality's relay): the simulator and the catcher stand in for them.
  bankid = await startBankIdSimulator({ certDir: join(dir, 'bankid') })
  mail = await startMailCatcher()

  const [p1, p2] = [await freePort(), await freePort()]
  ;[proxyPort, httpPort] = [await freePort(), await freePort()]
  const env = {
    NODE_ENV: 'production', APP_ENV: 'production', DATABASE_URL: process.env.DATABASE_URL!, PUBLIC_URL: `https://localhost:${proxyPort}`,
    ANSWER_KEYS: newAnswerKey('k1'), TRUST_PROXY: '1', SMTP_URL: mail.url, MAIL_FROM: 'E-tjänster <no-reply@kommun.invalid>',
    BANKID_URL: bankid.url, BANKID_PFX: bankid.certs.clientPfxPath, BANKID_PASSPHRASE: bankid.certs.passphrase, BANKID_CA: bankid.certs.caPem,
    LOGIN_ADDRESS_ATTEMPTS: String(ADDRESS_ATTEMPTS),
  }
  portals.push(...await Promise.all([p1, p2].map((port) => startPortalProcess('server/start.ts', port, env))))

  haproxy = spawn('haproxy', ['-db', '-f', 'deploy/haproxy.cfg'], {
    env: { ...process.env, PROXY_HTTP_BIND: `127.0.0.1:${httpPort}`, PROXY_HTTPS_BIND: `127.0.0.1:${proxyPort}`, PROXY_TLS_PEM: join(dir, 'proxy.pem'), PORTAL1_ADDR: `127.0.0.1:${p1}`, PORTAL2_ADDR: `127.0.0.1:${p2}` },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  // Ready once both processes have answered through the proxy.
  const probe = new ProxyBrowser({ port: proxyPort, ca })
  while (new Set(probe.servedBy.filter(Boolean)).size < 2) {
    if (haproxy.exitCode !== null) throw new Error(`haproxy ended (${haproxy.exitCode}); see its messages above`)
    await probe.send('/healthz').catch(() => new Promise((r) => setTimeout(r, 200)))
  }

  handlaggare = await makeStaff('handlaggare', { teams: ['teknik'] })
  await setStaffLocation(handlaggare.id, 'kommunhuset')
}, 600_000)

afterAll(async () => {
  if (haproxy && haproxy.exitCode === null) {
    const ended = new Promise((r) => haproxy!.once('exit', r))
    haproxy.kill('SIGTERM')
    await ended
  }
  await Promise.all(portals.map((p) => p.stop()))
  await bankid?.close()
  await mail?.stop()
  await drop?.()
  if (dir) await rm(dir, { recursive: true, force: true })
}, 60_000)

const browser = (from = '127.0.0.1') => new ProxyBrowser({ port: proxyPort, ca }, from)

async function staffLogin(b: ProxyBrowser, email: string) {
  await b.send('/servicecenter/logga-in')
  const r = await b.post('/servicecenter/logga-in', { email, password: PASSWORD, till: '/servicecenter' })
  expect(r.status).toBe(302)
  return r
}

describe('two portal processes behind HAProxy with TLS', () => {
  it('sends plain HTTP to HTTPS, and marks cookies Secure and the site HSTS over TLS', async () => {
    const plain = await new Promise<IncomingMessage>((resolve, reject) =>
      httpGet({ host: '127.0.0.1', port: httpPort, path: '/e-tjanster/felanmalan', headers: { host: 'e.kommun.invalid' } }, resolve).on('error', reject))
    plain.resume()
    expect([plain.statusCode, plain.headers.location]).toEqual([301, 'https://e.kommun.invalid/e-tjanster/felanmalan'])
    const page = await browser().send(`${FORM}/kategori`)
    expect(page.status).toBe(200)
    expect(page.headers['strict-transport-security']).toMatch(/max-age=\d+/)
    expect(page.headers['set-cookie']?.every((c) => / Secure(;|$)/.test(c))).toBe(true)
  }, 60_000)

  it('keeps a citizen’s report and a handläggare’s session across both processes, and shows the case on each', async () => {
    const citizen = browser('127.0.0.2')
    expect((await citizen.send(`${FORM}/kategori`)).status).toBe(200)
    const pages: [string, Record<string, string>, string][] = [
      ['kategori', { category: 'gatubelysning' }, 'plats'],
      ['plats', { 'address.street': 'Bollmora allé 3', 'address.postcode': '135 40', 'address.city': 'Tyresö', placeDetails: '' }, 'beskrivning'],
      ['beskrivning', { description: 'Gatlampan vid lekparken är trasig sedan i måndags.' }, 'kontakt'],
      ['kontakt', { name: '', email: 'anmalare@example.invalid', phone: '' }, 'kontrollera'],
    ]
    for (const [page, fields, next] of pages) {
      const r = await citizen.post(`${FORM}/${page}`, fields)
      expect([r.status, r.headers.location]).toEqual([302, `${FORM}/${next}`])
    }
    const check = await citizen.send(`${FORM}/kontrollera`)
    const draftId = /name="draftId" value="([0-9a-f-]{36})"/.exec(check.body)?.[1]
    expect(draftId).toBeDefined()
    const sent = await citizen.post(`${FORM}/kontrollera`, { draftId: draftId! })
    expect(sent.status).toBe(302)
    const number = /\/kvitto\/([^/?]+)$/.exec(String(sent.headers.location))?.[1]
    expect(number).toBeDefined()
    const receipt = await citizen.send(String(sent.headers.location))
    expect(receipt.status).toBe(200)
    expect(receipt.body).toContain(number)
    // The one visitor session was served by both processes: it lives in PostgreSQL, not in a process.
    expect(new Set(citizen.servedBy)).toEqual(new Set(['portal1', 'portal2']))

    const [row] = await db<{ id: string }[]>`select id from cases where number = ${number!}`
    const staff = browser('127.0.0.3')
    await staffLogin(staff, handlaggare.email)
    const views = [await staff.send(`/servicecenter/arenden/${row!.id}`), await staff.send(`/servicecenter/arenden/${row!.id}`)]
    for (const view of views) {
      expect(view.status).toBe(200)
      expect(view.body).toContain('Gatlampan vid lekparken är trasig')
    }
    expect(new Set(views.map((v) => v.servedBy))).toEqual(new Set(['portal1', 'portal2']))
    // The receipt e-mail went out through whichever process's outbox worker took it.
    while (!mail.mails.some((m) => m.to.includes('anmalare@example.invalid'))) await new Promise((r) => setTimeout(r, 200))
  }, 180_000)

  it('logs a citizen in with BankID across both processes, giving BankID the visitor’s own address', async () => {
    const citizen = browser('127.0.0.8')
    await citizen.send('/logga-in')
    const started = await citizen.post('/logga-in', { flow: 'qr', till: '/mina-sidor' })
    expect(started.status).toBe(302)
    const orderPage = String(started.headers.location)
    expect((await citizen.send(orderPage)).status).toBe(200)
    // The order reached BankID with the visitor's address (endUserIp), not the proxy's.
    const order = bankid.control.pendingOrders().find((o) => o.endUserIp === '127.0.0.8')
    expect(order).toBeDefined()
    bankid.control.approve(order!.orderRef, '198606129933')
    let page = await citizen.send(orderPage)
    while (page.status === 200) page = await citizen.send(orderPage)
    expect([page.status, page.headers.location]).toEqual([302, '/mina-sidor'])
    const mine = [await citizen.send('/mina-sidor'), await citizen.send('/mina-sidor')]
    for (const p of mine) {
      expect(p.status).toBe(200)
      expect(p.body).toContain('Johan')
    }
    expect(new Set(citizen.servedBy)).toEqual(new Set(['portal1', 'portal2']))
  }, 120_000)

  it('shows a kiosk’s help request at once to staff streaming from the other process', async () => {
    const staff = browser('127.0.0.4')
    await staffLogin(staff, handlaggare.email)
    // Streams are opened until both processes hold one: which process the request lands on is the proxy's choice.
    const streams = []
    while (new Set(streams.map((s) => s.servedBy)).size < 2) streams.push(await staff.stream('/servicecenter/hjalp/handelser'))
    const { code } = await createEnrolmentCode({ location: 'kommunhuset', kioskName: 'Dator vid entrén', staffId: handlaggare.id })
    const { token } = (await enrolWithCode(code))!
    const kiosk = browser('127.0.0.5')
    kiosk.cookies.set(KIOSK_COOKIE, token)
    expect((await kiosk.send('/kiosk')).status).toBe(200)
    const raised = await kiosk.post('/kiosk/hjalp', { sida: '/e-tjanster/felanmalan/plats' })
    expect(raised.status).toBe(302)
    const other = streams.find((s) => s.servedBy !== raised.servedBy)!
    const event = JSON.parse(await other.next((d) => d.includes('"new"'))) as { location: string; change: string }
    expect(event).toMatchObject({ location: 'kommunhuset', change: 'new' })
    for (const s of streams) s.close()
  }, 120_000)

  // Without TRUST_PROXY every post here would fail before the limits: React Router compares Origin (https) with the
  // request's scheme, which is https only when X-Forwarded-Proto is believed (docs/deployment.md).
  it('counts failed logins against the visitor’s own address, not the proxy’s, whatever X-Forwarded-For a client sends', async () => {
    const guesser = browser('127.0.0.6')
    await guesser.send('/servicecenter/logga-in')
    for (let i = 0; i < ADDRESS_ATTEMPTS; i++) {
      // A spoofed X-Forwarded-For is dropped by the proxy; the portal trusts one hop (TRUST_PROXY=1).
      const r = await guesser.post('/servicecenter/logga-in', { email: `gissning${i}@kommun.invalid`, password: 'fel lösenord här' }, { 'x-forwarded-for': `198.51.100.${i}` })
      expect(r.status).toBe(400)
    }
    const refused = await guesser.post('/servicecenter/logga-in', { email: 'gissning9@kommun.invalid', password: 'fel lösenord här' })
    expect(refused.status).toBe(429)
    expect(refused.body).toContain('För många misslyckade inloggningar från den här datorn')
    // Another visitor through the same proxy is not refused: the limit saw two addresses, not one proxy.
    const colleague = browser('127.0.0.7')
    await colleague.send('/servicecenter/logga-in')
    expect((await colleague.post('/servicecenter/logga-in', { email: 'gissning9@kommun.invalid', password: 'fel lösenord här' })).status).toBe(400)
    expect((await staffLogin(browser('127.0.0.7'), handlaggare.email)).status).toBe(302)
  }, 120_000)
})
