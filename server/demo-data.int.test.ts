import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDatabase } from '#tests/db.ts'
import { verifyStaffLogin } from '#services/auth/staff.server.ts'
import { loadScope } from '#services/auth/teams.server.ts'
import { sql } from '#services/db/sql.server.ts'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.ts'
import { loadDemoData } from './demo-data.ts'

let drop: () => Promise<void>
beforeAll(async () => {
  ;({ drop } = await freshDatabase())
})
afterAll(async () => drop())

describe('the demo data', () => {
  it('has a handläggare on a team, a separate admin and a dataskydd user, each logging in with the demo password', async () => {
    await loadDemoData()
    const roles = Object.fromEntries(await Promise.all(Object.values(DEMO_ACCOUNTS).map(async (a) => {
      const login = await verifyStaffLogin(a.email, DEMO_PASSWORD, 'demo-test')
      if (!login.ok) throw new Error(`${a.email} cannot log in`)
      return [a.email, { role: login.staff.role, teams: (await loadScope(login.staff.id)).teams }]
    })))
    expect(roles).toEqual({
      'handlaggare@demo.invalid': { role: 'handlaggare', teams: ['servicecenter', 'teknik'] },
      'admin@demo.invalid': { role: 'admin', teams: [] },
      'dataskydd@demo.invalid': { role: 'dataskydd', teams: [] },
    })
  })

  it('on demo data from before, makes the handläggare a handläggare again and adds what is missing, once', async () => {
    await sql()`update staff set role = 'admin' where email = ${DEMO_ACCOUNTS.handlaggare.email}`
    await sql()`delete from staff where email = ${DEMO_ACCOUNTS.dataskydd.email}`
    await loadDemoData()
    await loadDemoData()
    const rows = await sql()<{ email: string; role: string }[]>`select email, role from staff order by email`
    expect(rows).toEqual([
      { email: 'admin@demo.invalid', role: 'admin' },
      { email: 'dataskydd@demo.invalid', role: 'dataskydd' },
      { email: 'handlaggare@demo.invalid', role: 'handlaggare' },
    ])
    const [cases] = await sql()<{ n: number }[]>`select count(*)::int as n from cases`
    expect(cases?.n).toBe(3)
  })
})
