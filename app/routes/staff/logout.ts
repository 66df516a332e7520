import { redirect } from 'react-router'
import { readForm } from '#services/auth/csrf.server.ts'
import { destroySession } from '#services/auth/session.server.ts'
import type { Route } from './+types/logout'

export async function action({ request }: Route.ActionArgs) {
  await readForm(request)
  throw redirect('/servicecenter/logga-in', { headers: { 'Set-Cookie': await destroySession(request) } })
}

export function loader() {
  throw redirect('/servicecenter')
}
