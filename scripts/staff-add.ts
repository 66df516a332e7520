import { parseArgs } from 'node:util'
import { createInterface } from 'node:readline/promises'
import { prepareDatabase } from '../server/database.ts'
import { createStaff, STAFF_ROLES, type StaffRole } from '../services/auth/staff.server.ts'
import { closeSql } from '../services/db/sql.server.ts'

const usage = `Usage: npm run staff:add -- --email EMAIL --name "NAME" --role ${STAFF_ROLES.join('|')} [--password PASSWORD]`
const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, password: { type: 'string' } } })
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
  console.info(`Staff account ready: ${staff.email} (${staff.role})`)
} catch (e) {
  console.error(e instanceof Error ? e.message : e)
  process.exitCode = 1
} finally {
  await closeSql()
  await embedded?.stop()
}
