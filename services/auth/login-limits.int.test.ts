import type * as Argon2 from '@node-rs/argon2'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { freshDatabase } from '#tests/db.ts'
import { sql } from '../db/sql.server.ts'
import { setEnv } from '../env.server.ts'
import { purgeExpiredAttempts } from './login-attempts.server.ts'
import { createStaff, verifyStaffLogin, type LoginResult } from './staff.server.ts'

// Every password check is a real argon2 verification; this counts how many were made.
const argon2 = vi.hoisted(() => ({ verifications: 0 }))
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const real = await importOriginal<typeof Argon2>()
  return { ...real, verify: (...args: Parameters<typeof real.verify>) => (argon2.verifications++, real.verify(...args)) }
})

const PASSWORD = 'ett långt lösenord'
let drop: () => Promise<void>
beforeAll(async () => {
  ;({ drop } = await freshDatabase())
  for (const name of ['anna', 'bo', 'cilla', 'dan', 'eva']) await createStaff({ email: `${name}@tyreso.se`, name, role: 'handlaggare', password: PASSWORD })
})
afterAll(() => drop())
afterEach(() => {
  setEnv({ LOGIN_ADDRESS_ATTEMPTS: undefined })
})

const reasons = (results: LoginResult[]) => results.map((r) => (r.ok ? 'ok' : r.reason)).sort()
const minutesUntil = (r: LoginResult) => (!r.ok && r.reason === 'rate-limited' ? (r.retryAt.getTime() - Date.now()) / 60_000 : NaN)

describe('staff login limits', () => {
  it('lets 25 parallel wrong passwords for one account from one address make 5 password checks, not more', async () => {
    argon2.verifications = 0
    const results = await Promise.all(Array.from({ length: 25 }, (_, i) => verifyStaffLogin('anna@tyreso.se', `fel ${i}`, '203.0.113.1')))
    expect(argon2.verifications).toBe(5)
    expect(reasons(results)).toEqual([...Array(5).fill('invalid'), ...Array(20).fill('rate-limited')])

    // Even the right password now waits at that address, and is told until when (the 15-minute window).
    const locked = await verifyStaffLogin('Anna@Tyreso.se ', PASSWORD, '203.0.113.1')
    expect(locked).toMatchObject({ ok: false, reason: 'rate-limited' })
    expect(minutesUntil(locked)).toBeGreaterThan(10)
    expect(minutesUntil(locked)).toBeLessThanOrEqual(15)
  })

  it('does not lock the account’s owner out at another address', async () => {
    for (let i = 0; i < 6; i++) await verifyStaffLogin('bo@tyreso.se', `fel ${i}`, '203.0.113.2')
    expect(await verifyStaffLogin('bo@tyreso.se', 'fel igen', '203.0.113.2')).toMatchObject({ reason: 'rate-limited' })
    expect(await verifyStaffLogin('bo@tyreso.se', PASSWORD, '198.51.100.7')).toMatchObject({ ok: true, staff: { name: 'bo' } })
  })

  it('limits one address over all accounts, unknown ones included, and leaves other addresses alone', async () => {
    setEnv({ LOGIN_ADDRESS_ATTEMPTS: '6' })
    const tries = ['cilla', 'dan', 'eva', 'ingen', 'okand', 'annan'].map((n) => verifyStaffLogin(`${n}@tyreso.se`, 'fel', '203.0.113.3'))
    expect(reasons(await Promise.all(tries))).toEqual(Array(6).fill('invalid'))
    argon2.verifications = 0
    expect(await verifyStaffLogin('cilla@tyreso.se', PASSWORD, '203.0.113.3')).toMatchObject({ reason: 'rate-limited' })
    expect(await verifyStaffLogin('ny@tyreso.se', 'fel', '203.0.113.3')).toMatchObject({ reason: 'rate-limited' })
    expect(argon2.verifications).toBe(0)
    expect(await verifyStaffLogin('cilla@tyreso.se', PASSWORD, '203.0.113.4')).toMatchObject({ ok: true })
  })

  it('forgets the account’s failures at an address after a success, and never counts successes against the address', async () => {
    setEnv({ LOGIN_ADDRESS_ATTEMPTS: '6' })
    const here = '203.0.113.5'
    for (let i = 0; i < 4; i++) expect(await verifyStaffLogin('dan@tyreso.se', `fel ${i}`, here)).toMatchObject({ reason: 'invalid' })
    expect(await verifyStaffLogin('dan@tyreso.se', PASSWORD, here)).toMatchObject({ ok: true })
    for (let i = 0; i < 10; i++) expect(await verifyStaffLogin('eva@tyreso.se', PASSWORD, here)).toMatchObject({ ok: true })
    // Four failures left on the address: two more accounts' failures reach its limit of six; dan starts afresh.
    expect(await verifyStaffLogin('dan@tyreso.se', 'fel', here)).toMatchObject({ reason: 'invalid' })
    expect(await verifyStaffLogin('eva@tyreso.se', 'fel', here)).toMatchObject({ reason: 'invalid' })
    expect(await verifyStaffLogin('eva@tyreso.se', PASSWORD, here)).toMatchObject({ reason: 'rate-limited' })
  })

  it('counts afresh when the window has passed, and housekeeping deletes the expired counters', async () => {
    for (let i = 0; i < 5; i++) await verifyStaffLogin('eva@tyreso.se', `fel ${i}`, '203.0.113.6')
    expect(await verifyStaffLogin('eva@tyreso.se', PASSWORD, '203.0.113.6')).toMatchObject({ reason: 'rate-limited' })
    const [{ n } = { n: 0 }] = await sql()<{ n: number }[]>`select count(*)::int as n from login_attempts`
    await sql()`update login_attempts set expires_at = now() - interval '1 second'`
    expect(await purgeExpiredAttempts()).toBe(n)
    expect(await verifyStaffLogin('eva@tyreso.se', PASSWORD, '203.0.113.6')).toMatchObject({ ok: true })
  })

  it('counts an IPv6 client by its /64, as the send limits do: one phone or household has the whole network to step through', async () => {
    await createStaff({ email: 'fia@tyreso.se', name: 'fia', role: 'handlaggare', password: PASSWORD })
    const from = (i: number) => `2001:db8:7:7::${(i + 1).toString(16)}`
    for (let i = 0; i < 5; i++) expect(await verifyStaffLogin('fia@tyreso.se', `fel ${i}`, from(i))).toMatchObject({ reason: 'invalid' })
    expect(await verifyStaffLogin('fia@tyreso.se', 'fel 5', from(5))).toMatchObject({ reason: 'rate-limited' })
    // Over all accounts, too: the next address of the same network is the same address.
    setEnv({ LOGIN_ADDRESS_ATTEMPTS: '6' })
    expect(await verifyStaffLogin('okand@tyreso.se', 'fel', from(6))).toMatchObject({ reason: 'invalid' })
    expect(await verifyStaffLogin('okand2@tyreso.se', 'fel', from(7))).toMatchObject({ reason: 'rate-limited' })
    // Another /64 is another client.
    expect(await verifyStaffLogin('fia@tyreso.se', PASSWORD, '2001:db8:7:8::1')).toMatchObject({ ok: true })
  })

  it('stores no e-mail or client address, only hashes of them', async () => {
    await verifyStaffLogin('anna@tyreso.se', 'fel', '203.0.113.7')
    const keys = (await sql()<{ key: string }[]>`select key from login_attempts`).map((r) => r.key).join(' ')
    expect(keys).not.toMatch(/tyreso|203\.0\.113/)
  })
})
