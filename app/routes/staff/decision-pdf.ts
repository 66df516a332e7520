import { data } from 'react-router'
import { auditOpening } from '#services/audit/audit.server.ts'
import { requireMember } from '#services/auth/teams.server.ts'
import { maySee } from '#services/cases/case-view.server.ts'
import { decisionLetter } from '#services/cases/decision-letter.server.ts'
import { pdfResponse } from '../eservice/receipt.server.ts'
import type { Route } from './+types/decision-pdf'

export async function loader({ request, params }: Route.LoaderArgs) {
  const member = await requireMember(request)
  if (!(await maySee(member, params.caseId))) throw data(null, { status: 404 })
  const letter = await decisionLetter(params.caseId)
  if (!letter) throw data(null, { status: 404 })
  await auditOpening(member.id, 'case.pdf', { caseId: params.caseId, details: { document: 'beslut' } })
  return pdfResponse(letter.bytes, `beslut-${letter.number}.pdf`)
}
