import type { StaffRole } from '../auth/staff-roles.ts'

/** Retention settings the staff pages show as well as use (client-safe). */

/** Who may export a case's archive package from the staff case page. */
export const ARCHIVE_ROLES: readonly StaffRole[] = ['admin', 'teamledare']
/** The admin page shows what the job will remove within this many days. */
export const PREVIEW_DAYS = 30
/** Rows listed on the page and cases in one bulk export: a zip is built in memory. */
export const PREVIEW_LIMIT = 200
