import { pdfResponse, receiptPdf } from '../eservice/receipt.server.ts'
import { requireMyCase } from './my-case-files.server.ts'
import type { Route } from './+types/my-case-pdf'

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const c = await requireMyCase(request, params.caseId)
  return pdfResponse(await receiptPdf(c, context.locale), `kvitto-${c.number}.pdf`)
}
