import type { Staff, StaffRole } from '../auth/staff.server.ts'
import { sql } from '../db/sql.server.ts'
import { findLocation, servicecenterLocationId } from './locations.server.ts'

/** Who answers help requests from kiosks: servicecenter staff and branch-library staff. */
export const HELP_ROLES: StaffRole[] = ['handlaggare', 'teamledare', 'admin', 'bibliotek']

/**
 * The location whose kiosks a staff member serves: their own, or for servicecenter staff without one the
 * profile's servicecenter. Library staff without a location serve none until an admin gives them one.
 */
export async function staffLocation(staff: Pick<Staff, 'id' | 'role'>): Promise<string | null> {
  const [row] = await sql()<{ location: string | null }[]>`select location from staff where id = ${staff.id}`
  if (row?.location) return row.location
  return staff.role === 'bibliotek' ? null : (servicecenterLocationId() ?? null)
}

export async function setStaffLocation(staffId: string, location: string | null): Promise<void> {
  if (location !== null && !findLocation(location)) throw new Error(`Unknown location "${location}"`)
  await sql()`update staff set location = ${location} where id = ${staffId}`
}
