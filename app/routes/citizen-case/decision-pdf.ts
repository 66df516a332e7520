import { data } from 'react-router'
import { requireCitizen } from '#services/auth/citizen.server.ts'
import { getMyCase } from '#services/cases/citizen-cases.server.ts'
import { decisionLetter } from '#services/cases/decision-letter.server.ts'
import { pdfResponse } from '../eservice/receipt.server.ts'
import type { Route } from './+types/decision-pdf'

/** The decision letter of my case on Mina sidor; someone else's case answers 404. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const session = await requireCitizen(request)
  const c = await getMyCase(session.person.personnummer, params.caseId)
  if (!c) throw data(null, { status: 404 })
  const letter = await decisionLetter(c.id)
  if (!letter) throw data(null, { status: 404 })
  return pdfResponse(letter.bytes, `beslut-${letter.number}.pdf`)
}
