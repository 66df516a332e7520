import { parseArgs } from 'node:util'
import { createInterface } from 'node:readline/promises'
import { prepareDatabase } from '#server/database.ts'
import { createStaff, STAFF_ROLES, type StaffRole } from '#services/auth/staff.server.ts'
import { setStaffScope } from '#services/auth/teams.server.ts'
import { closeSql } from '#services/db/sql.server.ts'
import { setStaffLocation } from '#services/kiosk/staff-location.server.ts'

const usage = `Usage: npm run staff:add -- --email EMAIL --name "NAME" --role ${STAFF_ROLES.join('|')} [--password PASSWORD] [--team ID ...] [--department ID] [--location ID]`
const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, password: { type: 'string' }, team: { type: 'string', multiple: true }, department: { type: 'string' }, location: { type: 'string' } } })
if (!values.email || !values.name || !values.role) {
  console.error(usage)
  process.exit(2)
}
let password = values.password
if (!password) {
  const rl = createInterface({ input: process.stdin, output: process.stdout })
  password = await rl.question('Password (at least 12 characters): ')
  rl.close()
}
const { embedded } = await prepareDatabase()
try {
  const staff = await createStaff({ email: values.email, name: values.name, role: values.role as StaffRole, password })
  // Teams (servicecenter) and department (förvaltning) ids come from the municipality profile.
  if (values.team || values.department) await setStaffScope(staff.id, { teams: values.team ?? [], department: values.department ?? null })
  // Where the staff member answers kiosk help requests (config locations; bibliotek staff need one).
  if (values.location) await setStaffLocation(staff.id, values.location)
  console.info(`Staff account ready: ${staff.email} (${staff.role})`)
} catch (e) {
  console.error(e instanceof Error ? e.message : e)
  process.exitCode = 1
} finally {
  await closeSql()
  await embedded?.stop()
}
