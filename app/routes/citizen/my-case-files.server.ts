import { data } from 'react-router'
import { requireCitizen } from '#services/auth/citizen.server.ts'
import { getMyCase } from '#services/cases/citizen-cases.server.ts'

/** The case, only when the logged-in citizen is its applicant; everyone else gets a 404. */
export async function requireMyCase(request: Request, caseId: string) {
  const session = await requireCitizen(request)
  const c = await getMyCase(session.person.personnummer, caseId)
  if (!c) throw data(null, { status: 404 })
  return c
}
