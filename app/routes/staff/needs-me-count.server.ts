import { getSession } from '#services/auth/session.server.ts'
import { getStaff } from '#services/auth/staff.server.ts'
import { SERVICECENTER_ROLES } from '#services/auth/teams.server.ts'
import { countNeedsMe } from '#services/cases/needs-me.server.ts'

/**
 * How many cases need the signed-in servicecenter member, for the counter in the staff navigation on every
 * staff page (the root loader asks). Null off the staff pages and for roles without a Mina of this kind.
 */
export async function needsMeForChrome(request: Request, path: string): Promise<number | null> {
  if (!path.startsWith('/servicecenter')) return null
  try {
    const session = await getSession(request)
    const staff = session?.kind === 'staff' && session.staffId ? await getStaff(session.staffId) : null
    return staff && SERVICECENTER_ROLES.includes(staff.role) ? await countNeedsMe(staff) : null
  } catch {
    // The counter is a convenience: a page must not fail because it could not be counted.
    return null
  }
}
