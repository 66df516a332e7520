import { redirect } from 'react-router'
import { isCitizen, logoutEverywhere } from '#services/auth/citizen.server.ts'
import { readForm } from '#services/auth/csrf.server.ts'
import { destroySession, getSession } from '#services/auth/session.server.ts'
import type { Route } from './+types/logout'

/**
 * "Logga ut" ends this browser's session; "Logga ut på alla enheter" every session of the person. Drafts
 * the person owns are kept for the next login (services/auth/session.server.ts endSessions).
 */
export async function action({ request }: Route.ActionArgs) {
  const form = await readForm(request)
  const session = await getSession(request)
  const everywhere = form.get('intent') === 'everywhere' && isCitizen(session)
  if (everywhere) await logoutEverywhere(session.person)
  const clear = await destroySession(request)
  const why = everywhere ? 'overallt' : form.get('intent') === 'timeout' ? 'tid' : '1'
  throw redirect(`/logga-in?utloggad=${why}`, { headers: { 'Set-Cookie': clear } })
}

export function loader() {
  throw redirect('/')
}
