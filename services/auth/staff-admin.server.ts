import { hash } from '@node-rs/argon2'
import { audit } from '../audit/audit.server.ts'
import { sql, type Tx } from '../db/sql.server.ts'
import type { AccountInput } from './staff-account.ts'

// Staff administration (issue 5, and issue 6's "a UI to set a staff member's location"). Every change is
// written to the audit log with the administrator who made it; passwords are stored only as argon2 hashes
// (as services/auth/staff.server.ts does) and never logged.

export type AdminResult = { ok: true; id: string } | { ok: false; field: 'email' | 'staff'; message: string }

async function writeScope(tx: Tx, id: string, input: Pick<AccountInput, 'teams' | 'department' | 'location'>) {
  await tx`update staff set department = ${input.department}, location = ${input.location} where id = ${id}`
  await tx`delete from staff_teams where staff_id = ${id}`
  for (const team of input.teams) await tx`insert into staff_teams (staff_id, team) values (${id}, ${team})`
}

const scopeDetails = (input: AccountInput) => ({ role: input.role, teams: input.teams, department: input.department, location: input.location })

/** A new account; an e-mail address that already has one is refused (the existing account is not touched). */
export async function createAccount(input: AccountInput, password: string, adminId: string): Promise<AdminResult> {
  const passwordHash = await hash(password)
  const id = await sql().begin(async (tx) => {
    const [row] = await tx<{ id: string }[]>`
      insert into staff (email, name, role, password_hash) values (${input.email}, ${input.name}, ${input.role}, ${passwordHash})
      on conflict (lower(email)) do nothing returning id`
    if (row) await writeScope(tx, row.id, input)
    return row?.id ?? null
  })
  if (!id) return { ok: false, field: 'email', message: 'Det finns redan ett konto med den e-postadressen' }
  await audit(adminId, 'staff.create', { details: { staffId: id, name: input.name, email: input.email, ...scopeDetails(input) } })
  return { ok: true, id }
}

/** Role, teams, department and location of an existing account. */
export async function updateAccount(id: string, input: AccountInput, adminId: string): Promise<AdminResult> {
  const done = await sql().begin(async (tx) => {
    const changed = await tx`update staff set role = ${input.role} where id = ${id}`
    if (changed.count === 0) return false
    await writeScope(tx, id, input)
    return true
  })
  if (!done) return { ok: false, field: 'staff', message: 'Kontot finns inte' }
  await audit(adminId, 'staff.update', { details: { staffId: id, name: input.name, ...scopeDetails(input) } })
  return { ok: true, id }
}

/**
 * Deactivating an account ends all its sessions at once, and logging in is refused while it lasts
 * (`disabled_at`, checked by verifyStaffLogin and getStaff); reactivating lets the same password in again.
 */
export async function setAccountActive(id: string, active: boolean, adminId: string): Promise<AdminResult> {
  const name = await sql().begin(async (tx) => {
    const [changed] = active
      ? await tx<{ name: string }[]>`update staff set disabled_at = null where id = ${id} and disabled_at is not null returning name`
      : await tx<{ name: string }[]>`update staff set disabled_at = now() where id = ${id} and disabled_at is null returning name`
    if (!active) await tx`delete from sessions where staff_id = ${id}`
    return changed?.name ?? null
  })
  if (name === null) return { ok: false, field: 'staff', message: active ? 'Kontot är redan aktivt' : 'Kontot är redan avstängt' }
  await audit(adminId, active ? 'staff.reactivate' : 'staff.deactivate', { details: { staffId: id, name } })
  return { ok: true, id }
}

/** A new password set by an administrator: the account's sessions end, so only the new password gets in. */
export async function setAccountPassword(id: string, password: string, adminId: string): Promise<AdminResult> {
  const passwordHash = await hash(password)
  const name = await sql().begin(async (tx) => {
    const [changed] = await tx<{ name: string }[]>`update staff set password_hash = ${passwordHash} where id = ${id} returning name`
    // An administrator setting their own password stays logged in here; their other sessions end.
    if (id !== adminId) await tx`delete from sessions where staff_id = ${id}`
    return changed?.name ?? null
  })
  if (name === null) return { ok: false, field: 'staff', message: 'Kontot finns inte' }
  await audit(adminId, 'staff.password', { details: { staffId: id, name } })
  return { ok: true, id }
}
