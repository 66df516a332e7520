import { redirect } from 'react-router'
import { getSession } from './session.server.ts'
import { getStaff, type Staff, type StaffRole } from './staff.server.ts'

// Staff routes have long imported the return-path check from here.
export { safeRedirect } from './return-path.ts'

/**
 * The signed-in staff member, or a redirect to the staff login that comes back here afterwards.
 * Every staff loader and action calls this first: roles are checked on the server, per request.
 */
export async function requireStaff(request: Request, roles?: StaffRole[]): Promise<Staff> {
  const session = await getSession(request)
  const staff = session?.kind === 'staff' && session.staffId ? await getStaff(session.staffId) : null
  if (!staff) {
    const url = new URL(request.url)
    throw redirect(`/servicecenter/logga-in?till=${encodeURIComponent(url.pathname + url.search)}`)
  }
  if (roles && !roles.includes(staff.role)) throw new Response(null, { status: 404 })
  return staff
}
