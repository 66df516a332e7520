import { redirect } from 'react-router'
import { readForm } from '#services/auth/csrf.server.ts'
import { requireMember, SERVICECENTER_ROLES } from '#services/auth/teams.server.ts'
import { takeNext } from '#services/cases/queue.server.ts'
import type { Route } from './+types/take-next'

/** "Ta nästa ärende": claims the oldest new case of the member's teams and opens it. */
export async function action({ request }: Route.ActionArgs) {
  const member = await requireMember(request, SERVICECENTER_ROLES)
  await readForm(request)
  const r = await takeNext(member)
  if (r.kind === 'taken') throw redirect(`/servicecenter/arenden/${r.caseId}?meddelande=tagen`)
  throw redirect(`/servicecenter?vy=nya&meddelande=${r.kind === 'no-teams' ? 'inga-team' : 'inga-nya'}`)
}

export function loader() {
  throw redirect('/servicecenter')
}
