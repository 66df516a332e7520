import { data } from 'react-router'
import type { Route } from './+types/receipt-pdf'
import { pdfResponse, receiptCase, receiptPdf } from './receipt.server.ts'

export async function loader({ params, request, context }: Route.LoaderArgs) {
  // Nothing is downloaded onto a public computer: kiosks print the receipt page instead (issue 6).
  if (context.kiosk) throw data(null, { status: 404 })
  const c = await receiptCase(request, params.formId, params.number)
  return pdfResponse(await receiptPdf(c, context.locale), `kvitto-${c.number}.pdf`)
}
