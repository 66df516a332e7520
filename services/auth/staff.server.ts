import { hash, verify } from '@node-rs/argon2'
import { sql } from '../db/sql.server.ts'
import { clearFailures, recordFailure, tooManyFailures } from './login-failures.server.ts'
import { MIN_PASSWORD_LENGTH, STAFF_ROLES, type StaffRole } from './staff-roles.ts'

export { MIN_PASSWORD_LENGTH, STAFF_ROLES, type StaffRole }
export type Staff = { id: string; email: string; name: string; role: StaffRole }

/** Failures per e-mail address and per client address within the window before logins are refused. */
export const LOGIN_LIMIT = { failures: 5, windowMinutes: 15 } as const

export async function createStaff(input: { email: string; name: string; role: StaffRole; password: string }): Promise<Staff> {
  if (input.password.length < MIN_PASSWORD_LENGTH) throw new Error(`The password must be at least ${MIN_PASSWORD_LENGTH} characters`)
  if (!STAFF_ROLES.includes(input.role)) throw new Error(`Unknown role ${input.role}; use one of ${STAFF_ROLES.join(', ')}`)
  const passwordHash = await hash(input.password)
  const [row] = await sql()<Staff[]>`
    insert into staff (email, name, role, password_hash)
    values (${input.email.trim()}, ${input.name.trim()}, ${input.role}, ${passwordHash})
    on conflict (lower(email)) do update set name = excluded.name, role = excluded.role, password_hash = excluded.password_hash, disabled_at = null
    returning id, email, name, role`
  return row!
}

export async function getStaff(id: string): Promise<Staff | null> {
  const [row] = await sql()<Staff[]>`select id, email, name, role from staff where id = ${id} and disabled_at is null`
  return row ?? null
}

export type LoginResult = { ok: true; staff: Staff } | { ok: false; reason: 'invalid' | 'rate-limited' }

// Verifying against a real hash when the account does not exist keeps the answer time the same,
// so response times do not reveal which e-mail addresses have accounts.
const DUMMY_HASH = hash('not a real password, only for timing')

export async function verifyStaffLogin(email: string, password: string, clientKey: string): Promise<LoginResult> {
  const keys = [`email:${email.trim().toLowerCase()}`, `ip:${clientKey}`]
  if (await tooManyFailures(keys, LOGIN_LIMIT)) return { ok: false, reason: 'rate-limited' }

  const [row] = await sql()<(Staff & { password_hash: string })[]>`
    select id, email, name, role, password_hash from staff where lower(email) = ${email.trim().toLowerCase()} and disabled_at is null`
  const valid = await verify(row?.password_hash ?? (await DUMMY_HASH), password).catch(() => false)
  if (!row || !valid) {
    await recordFailure(keys)
    return { ok: false, reason: 'invalid' }
  }
  await clearFailures(keys[0]!)
  return { ok: true, staff: { id: row.id, email: row.email, name: row.name, role: row.role } }
}
