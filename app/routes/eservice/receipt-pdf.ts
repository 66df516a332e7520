import type { Route } from './+types/receipt-pdf'
import { pdfResponse, receiptCase, receiptPdf } from './receipt.server.ts'

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const c = await receiptCase(request, params.formId, params.number)
  return pdfResponse(await receiptPdf(c, context.locale), `kvitto-${c.number}.pdf`)
}
