import type { StaffRole } from '#services/auth/staff-roles.ts'

/** Who may produce register extracts: the data protection officer, and admins standing in for them. */
export const EXTRACT_ROLES: StaffRole[] = ['dataskydd', 'admin']
