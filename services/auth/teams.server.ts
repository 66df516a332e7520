import { municipality } from '../config/municipality.server.ts'
import { sql } from '../db/sql.server.ts'
import type { StaffActor } from '../cases/events.ts'
import type { Who } from '../cases/guards.ts'
import { requireStaff } from './require-staff.server.ts'
import type { Staff } from './staff.server.ts'
import type { StaffRole } from './staff-roles.ts'

/** A staff member with what scopes their work: servicecenter teams, or a förvaltning user's department. */
export type StaffMember = Staff & { teams: string[]; department: string | null }

export const SERVICECENTER_ROLES: StaffRole[] = ['handlaggare', 'teamledare', 'admin']
export const LEAD_ROLES: StaffRole[] = ['teamledare', 'admin']
/** Roles that work cases. Library staff (kiosk help) and the data protection officer (extracts, access log) do not. */
export const CASE_ROLES: StaffRole[] = ['handlaggare', 'teamledare', 'forvaltning', 'admin']

export async function loadScope(staffId: string): Promise<{ teams: string[]; department: string | null }> {
  const [row] = await sql()<{ department: string | null; teams: string[] }[]>`
    select s.department, coalesce(array_agg(t.team order by t.team) filter (where t.team is not null), '{}') as teams
    from staff s left join staff_teams t on t.staff_id = s.id where s.id = ${staffId} group by s.id`
  return { teams: row?.teams ?? [], department: row?.department ?? null }
}

/** Like requireStaff, with teams and department: what every case-handling loader and action starts with. */
export async function requireMember(request: Request, roles: StaffRole[] = CASE_ROLES): Promise<StaffMember> {
  const staff = await requireStaff(request, roles)
  return { ...staff, ...(await loadScope(staff.id)) }
}

/** Replaces a staff member's teams and department; ids must exist in the municipality profile. */
export async function setStaffScope(staffId: string, scope: { teams: string[]; department: string | null }): Promise<void> {
  const m = municipality()
  const unknownTeam = scope.teams.find((t) => !m.teams.some((x) => x.id === t))
  if (unknownTeam) throw new Error(`Unknown team "${unknownTeam}"; the profile has ${m.teams.map((t) => t.id).join(', ')}`)
  if (scope.department && !m.departments.some((d) => d.id === scope.department))
    throw new Error(`Unknown department "${scope.department}"; the profile has ${m.departments.map((d) => d.id).join(', ')}`)
  await sql().begin(async (tx) => {
    await tx`update staff set department = ${scope.department} where id = ${staffId}`
    await tx`delete from staff_teams where staff_id = ${staffId}`
    for (const team of [...new Set(scope.teams)]) await tx`insert into staff_teams (staff_id, team) values (${staffId}, ${team})`
  })
}

export type StaffListItem = {
  id: string; name: string; email: string; role: StaffRole; department: string | null; location: string | null; teams: string[]; disabled: boolean
}

export async function listStaff(opts: { roles?: StaffRole[]; includeDisabled?: boolean } = {}): Promise<StaffListItem[]> {
  return sql()<StaffListItem[]>`
    select s.id, s.name, s.email, s.role, s.department, s.location, s.disabled_at is not null as disabled,
           coalesce(array_agg(t.team order by t.team) filter (where t.team is not null), '{}') as teams
    from staff s left join staff_teams t on t.staff_id = s.id
    where ${opts.includeDisabled ? sql()`true` : sql()`s.disabled_at is null`}
      ${opts.roles ? sql()`and s.role in ${sql()(opts.roles)}` : sql()``}
    group by s.id order by s.name, s.email`
}

export const actorOf = (m: Staff): StaffActor => ({ kind: 'staff', id: m.id, name: m.name })
export const whoOf = (m: StaffMember): Who => ({ kind: 'staff', id: m.id, role: m.role, department: m.department })
