import { createStaff, type StaffRole } from '#services/auth/staff.server.ts'
import { setStaffScope } from '#services/auth/teams.server.ts'
import { sql } from '#services/db/sql.server.ts'
import { receiveCase, ROUTINE } from '../case-fixtures.ts'
import { BY_POST, DECIDABLE, E2E_PASSWORD, E2E_STAFF } from './case-handling-data.ts'

/**
 * Fixtures for the case-handling end-to-end tests, loaded into the e2e database before the portal
 * serves its first request: an account per role (teams, departments) and cases of a test-only routine
 * e-service the servicecenter may decide. Tests that change a case make their own case first.
 */
export async function seedCaseHandling(): Promise<void> {
  const [done] = await sql()`select 1 from staff where email = ${E2E_STAFF.lead.email}`
  if (done) return
  for (const s of Object.values(E2E_STAFF)) {
    const staff = await createStaff({ email: s.email, name: s.name, role: s.role as StaffRole, password: E2E_PASSWORD })
    await setStaffScope(staff.id, { teams: [...s.teams], department: s.department })
  }
  // "Ta nästa" in team trafik: only the two take-next accounts are in it.
  for (let i = 1; i <= 6; i++) await receiveCase({ name: `Köperson ${i}`, description: `Ärende ${i} i kön för trafik` }, { def: ROUTINE })
  // One routine application to decide, found by searching for the applicant.
  await receiveCase(
    { name: DECIDABLE.name, email: 'johan@example.com', description: 'Ansökan om tillstånd för braskamin i villan.' },
    { def: { ...ROUTINE, routing: { team: 'forening', department: 'kultur-fritid' } }, applicant: { personnummer: DECIDABLE.personnummer, name: DECIDABLE.name } },
  )
  // No e-mail, a postal address: what they are sent goes as a letter (ADR 034).
  for (const p of Object.values(BY_POST))
    await receiveCase({ name: p.name, address: p.address, description: 'Ansökan om braskamin, svar med post.' }, { def: { ...ROUTINE, routing: { team: 'forening', department: 'kultur-fritid' } } })
}
