import { decisionLetter } from '#services/cases/decision-letter.server.ts'
import { pdfResponse } from '../eservice/receipt.server.ts'
import { openCasePdf } from './case-pdf-access.server.ts'
import type { Route } from './+types/decision-pdf'

export async function loader({ request, params }: Route.LoaderArgs) {
  const { pdfSource: letter } = await openCasePdf(request, params.caseId, 'beslut', () => decisionLetter(params.caseId))
  return pdfResponse(letter.bytes, `beslut-${letter.number}.pdf`)
}
