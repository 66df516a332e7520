import { readForm } from '#services/auth/csrf.server.ts'
import { getSession } from '#services/auth/session.server.ts'
import type { Route } from './+types/keepalive'

/**
 * "Fortsätt vara inloggad" in the idle warning: reading the session is what extends it (getSession moves
 * its expiry). 204 while logged in, 401 when the session has already ended.
 */
export async function action({ request }: Route.ActionArgs) {
  await readForm(request)
  const session = await getSession(request)
  return new Response(null, { status: session?.kind === 'citizen' ? 204 : 401, headers: { 'Cache-Control': 'no-store' } })
}
