import { data } from 'react-router'
import { requireStaff } from '../../../services/auth/require-staff.server.ts'
import { getCase } from '../../../services/cases/queries.server.ts'
import { pdfResponse, receiptPdf } from '../eservice/receipt.server.ts'
import type { Route } from './+types/case-pdf'

export async function loader({ request, params }: Route.LoaderArgs) {
  await requireStaff(request)
  const c = await getCase(params.caseId)
  if (!c) throw data(null, { status: 404 })
  return pdfResponse(await receiptPdf(c, c.locale), `kvitto-${c.number}.pdf`)
}
