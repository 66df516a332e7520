import { redirect } from 'react-router'
import { readForm } from '#services/auth/csrf.server.ts'
import type { Route } from './+types/ping'

/**
 * The idle guard's "still here": the HTTP layer (server/kiosk.ts) has already counted this request as
 * activity of the visit, or ended the visit if it was idle past its limit. Nothing else to do.
 */
export async function action({ request }: Route.ActionArgs) {
  await readForm(request)
  return new Response(null, { status: 204 })
}

export function loader() {
  throw redirect('/kiosk')
}
