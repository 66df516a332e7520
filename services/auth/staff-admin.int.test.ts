import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDatabase } from '#tests/db.ts'
import { auditEntries } from '../audit/audit.server.ts'
import type { Sql } from '../db/sql.server.ts'
import { staffLocation } from '../kiosk/staff-location.server.ts'
import { requireStaff } from './require-staff.server.ts'
import { createSession } from './session.server.ts'
import { parseAccount, type AccountInput } from './staff-account.ts'
import { createAccount, setAccountActive, setAccountPassword, updateAccount } from './staff-admin.server.ts'
import { createStaff, verifyStaffLogin, type Staff } from './staff.server.ts'
import { listStaff, loadScope } from './teams.server.ts'

let db: Sql
let drop: () => Promise<void>
let admin: Staff
beforeAll(async () => {
  ;({ db, drop } = await freshDatabase())
  admin = await createStaff({ email: 'admin@admin.test', name: 'Ada Admin', role: 'admin', password: 'ett långt lösenord' })
})
afterAll(() => drop())

const PASSWORD = 'ett helt nytt lösenord'
const librarian: AccountInput = { name: 'Lisa Bibliotekarie', email: 'lisa@admin.test', role: 'bibliotek', teams: [], department: null, location: 'strand' }

/** A logged-in browser of `staff`: the request the portal would get with its cookie. */
async function loggedIn(staff: { id: string }) {
  const { setCookie } = await createSession(new Request('http://x/'), 'staff', staff.id)
  return new Request('http://x/servicecenter', { headers: { cookie: setCookie.split(';')[0]! } })
}

describe('staff administration', () => {
  it('creates an account with its location, which can log in; the same e-mail twice is refused', async () => {
    const r = await createAccount(librarian, PASSWORD, admin.id)
    if (!r.ok) throw new Error(r.message)
    expect(await verifyStaffLogin('LISA@admin.test', PASSWORD, '10.1.0.1')).toMatchObject({ ok: true, staff: { id: r.id, role: 'bibliotek' } })
    expect(await staffLocation({ id: r.id, role: 'bibliotek' })).toBe('strand')
    const [row] = await db<{ password_hash: string }[]>`select password_hash from staff where id = ${r.id}`
    expect(row!.password_hash).toMatch(/^\$argon2id\$/)
    expect(await createAccount({ ...librarian, name: 'Someone Else' }, PASSWORD, admin.id))
      .toEqual({ ok: false, field: 'email', message: 'Det finns redan ett konto med den e-postadressen' })
    expect((await listStaff()).find((p) => p.id === r.id)).toMatchObject({ name: 'Lisa Bibliotekarie', location: 'strand' })
  })

  it('changes role, teams, department and location', async () => {
    const r = await createAccount({ ...librarian, email: 'flytt@admin.test' }, PASSWORD, admin.id)
    if (!r.ok) throw new Error(r.message)
    await updateAccount(r.id, { ...librarian, role: 'handlaggare', teams: ['teknik', 'trafik'], location: null }, admin.id)
    expect(await loadScope(r.id)).toEqual({ teams: ['teknik', 'trafik'], department: null })
    expect((await listStaff()).find((p) => p.id === r.id)).toMatchObject({ role: 'handlaggare', location: null })
    // Servicecenter staff without a location of their own answer for the servicecenter.
    expect(await staffLocation({ id: r.id, role: 'handlaggare' })).toBe('kommunhuset')
  })

  it('deactivating ends the account’s sessions and refuses its login; reactivating lets it in again', async () => {
    const r = await createAccount({ ...librarian, email: 'paus@admin.test', role: 'handlaggare', location: null }, PASSWORD, admin.id)
    if (!r.ok) throw new Error(r.message)
    const request = await loggedIn({ id: r.id })
    expect((await requireStaff(request)).id).toBe(r.id)
    expect(await setAccountActive(r.id, false, admin.id)).toEqual({ ok: true, id: r.id })
    expect(await db`select 1 from sessions where staff_id = ${r.id}`).toHaveLength(0)
    await expect(requireStaff(request)).rejects.toMatchObject({ status: 302 })
    expect(await verifyStaffLogin('paus@admin.test', PASSWORD, '10.1.0.2')).toEqual({ ok: false, reason: 'invalid' })
    expect(await setAccountActive(r.id, false, admin.id)).toMatchObject({ ok: false })
    expect(await setAccountActive(r.id, true, admin.id)).toEqual({ ok: true, id: r.id })
    expect(await verifyStaffLogin('paus@admin.test', PASSWORD, '10.1.0.2')).toMatchObject({ ok: true })
  })

  it('sets a new password: only the new one gets in, and the account’s sessions end', async () => {
    const r = await createAccount({ ...librarian, email: 'glomsk@admin.test' }, PASSWORD, admin.id)
    if (!r.ok) throw new Error(r.message)
    await loggedIn({ id: r.id })
    await setAccountPassword(r.id, 'ännu ett nytt lösenord', admin.id)
    expect(await db`select 1 from sessions where staff_id = ${r.id}`).toHaveLength(0)
    expect(await verifyStaffLogin('glomsk@admin.test', PASSWORD, '10.1.0.3')).toEqual({ ok: false, reason: 'invalid' })
    expect(await verifyStaffLogin('glomsk@admin.test', 'ännu ett nytt lösenord', '10.1.0.3')).toMatchObject({ ok: true })
  })

  it('writes every change to the audit log with the administrator, never the password', async () => {
    const r = await createAccount({ ...librarian, email: 'granskad@admin.test' }, PASSWORD, admin.id)
    if (!r.ok) throw new Error(r.message)
    await updateAccount(r.id, { ...librarian, location: 'trollbacken' }, admin.id)
    await setAccountPassword(r.id, 'ännu ett nytt lösenord', admin.id)
    await setAccountActive(r.id, false, admin.id)
    await setAccountActive(r.id, true, admin.id)
    const mine = (await auditEntries({ limit: 1000 })).filter((e) => e.details.staffId === r.id).reverse()
    expect(mine.map((e) => [e.action, e.staffName])).toEqual([
      ['staff.create', 'Ada Admin'], ['staff.update', 'Ada Admin'], ['staff.password', 'Ada Admin'], ['staff.deactivate', 'Ada Admin'], ['staff.reactivate', 'Ada Admin'],
    ])
    expect(mine[1]!.details).toMatchObject({ name: 'Lisa Bibliotekarie', role: 'bibliotek', location: 'trollbacken' })
    expect(mine[3]!.details).toMatchObject({ name: 'Lisa Bibliotekarie' })
    expect(JSON.stringify(mine)).not.toMatch(/lösenord|argon2/)
  })
})

describe('checking what an administrator posts', () => {
  const profile = { teams: ['teknik'], departments: ['samhallsbyggnad'], locations: ['kommunhuset', 'strand'] }
  const form = (v: Record<string, string | string[]>) => {
    const f = new FormData()
    for (const [k, x] of Object.entries(v)) for (const one of [x].flat()) f.append(k, one)
    return f
  }

  it('names each missing or wrong field', () => {
    expect(parseAccount(form({ name: '', email: 'inte-en-adress', role: 'chef' }), profile, true).errors)
      .toEqual({ name: 'Skriv namnet', email: 'Skriv en e-postadress som namn@kommun.se', role: 'Välj en roll' })
    expect(parseAccount(form({ role: 'forvaltning' }), profile, false).errors).toEqual({ department: 'En förvaltningsanvändare måste tillhöra en förvaltning' })
    expect(parseAccount(form({ role: 'bibliotek' }), profile, false).errors).toEqual({ location: 'Bibliotekspersonal måste ha en arbetsplats' })
    expect(parseAccount(form({ role: 'handlaggare', teams: ['okänt'], location: 'mars' }), profile, false).errors)
      .toEqual({ teams: 'Välj team i listan', location: 'Välj en plats i listan' })
  })

  it('keeps only what the role uses: a förvaltning user has a department and no teams or location', () => {
    const { input, errors } = parseAccount(form({ name: ' Sam ', email: 'Sam@Kommun.se', role: 'forvaltning', teams: ['teknik'], department: 'samhallsbyggnad', location: 'strand' }), profile, true)
    expect(errors).toEqual({})
    expect(input).toEqual({ name: 'Sam', email: 'sam@kommun.se', role: 'forvaltning', teams: [], department: 'samhallsbyggnad', location: null })
  })
})
