import type { StaffRole } from '../auth/staff-roles.ts'

/** Who may export a case's archive package from the staff case page (client-safe: the page shows the button by it). */
export const ARCHIVE_ROLES: readonly StaffRole[] = ['admin', 'teamledare']
