import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDatabase } from '#tests/db.ts'
import { createStaff, verifyStaffLogin } from './staff.server.ts'
import { createSession, getSession } from './session.server.ts'

let drop: () => Promise<void>
beforeAll(async () => ({ drop } = await freshDatabase()))
afterAll(() => drop())

describe('staff login', () => {
  it('accepts the right password whatever the e-mail case, and refuses a wrong one', async () => {
    await createStaff({ email: 'Anna@Tyreso.se', name: 'Anna', role: 'handlaggare', password: 'ett långt lösenord' })
    const ok = await verifyStaffLogin('anna@tyreso.se', 'ett långt lösenord', '10.0.0.1')
    expect(ok).toMatchObject({ ok: true, staff: { name: 'Anna', role: 'handlaggare' } })
    expect(await verifyStaffLogin('anna@tyreso.se', 'fel', '10.0.0.1')).toEqual({ ok: false, reason: 'invalid' })
    expect(await verifyStaffLogin('ingen@tyreso.se', 'fel', '10.0.0.1')).toEqual({ ok: false, reason: 'invalid' })
  })

  it('refuses short passwords and unknown roles when creating accounts', async () => {
    await expect(createStaff({ email: 'b@x.se', name: 'B', role: 'admin', password: 'kort' })).rejects.toThrow(/at least 12/)
    await expect(createStaff({ email: 'b@x.se', name: 'B', role: 'chef' as never, password: 'ett långt lösenord' })).rejects.toThrow(/Unknown role/)
  })

})

describe('sessions', () => {
  it('store only a hash of the cookie token and end with a new token on each login', async () => {
    const first = await createSession(new Request('http://x/'), 'visitor')
    const token = decodeURIComponent(first.setCookie.split(';')[0]!.split('=')[1]!)
    const request = new Request('http://x/', { headers: { cookie: `sid=${token}` } })
    expect((await getSession(request))?.tokenHash).toBe(first.session.tokenHash)
    expect(first.session.tokenHash).not.toContain(token)
    const second = await createSession(request, 'visitor')
    expect(second.session.tokenHash).not.toBe(first.session.tokenHash)
    expect(await getSession(request)).toBeNull()
    expect(first.setCookie).toMatch(/HttpOnly/)
    expect(first.setCookie).toMatch(/SameSite=Lax/)
  })
})
