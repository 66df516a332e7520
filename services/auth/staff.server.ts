import { hash, verify } from '@node-rs/argon2'
import { sql } from '../db/sql.server.ts'
import { reserveAttempt, succeeded } from './login-attempts.server.ts'
import { loginLimits } from './login-limits.server.ts'
import { MIN_PASSWORD_LENGTH, STAFF_ROLES, type StaffRole } from './staff-roles.ts'

export { MIN_PASSWORD_LENGTH, STAFF_ROLES, type StaffRole }
export type Staff = { id: string; email: string; name: string; role: StaffRole }

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

export type LoginResult = { ok: true; staff: Staff } | { ok: false; reason: 'invalid' } | { ok: false; reason: 'rate-limited'; retryAt: Date }

// Verifying against a real hash when the account does not exist keeps the answer time the same,
// so response times do not reveal which e-mail addresses have accounts.
const DUMMY_HASH = hash('not a real password, only for timing')

/**
 * Checks a staff password. The attempt is counted before the hash is verified (login-attempts.server.ts), per
 * account at this client address and per address: a guesser is stopped at their own address while the account's
 * owner still logs in from another.
 */
export async function verifyStaffLogin(email: string, password: string, clientKey: string): Promise<LoginResult> {
  const limits = loginLimits()
  const [account, address] = limits.staff(email, clientKey)
  const reserved = await reserveAttempt([account, address], limits.windowMinutes)
  if (!reserved.ok) return { ok: false, reason: 'rate-limited', retryAt: reserved.retryAt }

  const [row] = await sql()<(Staff & { password_hash: string })[]>`
    select id, email, name, role, password_hash from staff where lower(email) = ${email.trim().toLowerCase()} and disabled_at is null`
  const valid = await verify(row?.password_hash ?? (await DUMMY_HASH), password).catch(() => false)
  if (!row || !valid) return { ok: false, reason: 'invalid' }
  await succeeded(reserved.reservation, [account.key])
  return { ok: true, staff: { id: row.id, email: row.email, name: row.name, role: row.role } }
}
