import { data } from 'react-router'
import { getSession } from '../../../services/auth/session.server.ts'
import { sql } from '../../../services/db/sql.server.ts'
import { getCase } from '../../../services/cases/queries.server.ts'

/**
 * A receipt is shown only to the browser session that sent the case; anyone else gets the same 404
 * as for a number that does not exist, so case numbers cannot be probed.
 */
export async function receiptCase(request: Request, formId: string, number: string) {
  const session = await getSession(request)
  const [row] = session
    ? await sql()<{ id: string }[]>`select id from cases where number = ${number} and form_id = ${formId}`
    : []
  if (!session || !row || !(session.data.receipts ?? []).includes(row.id)) throw data(null, { status: 404 })
  const c = await getCase(row.id)
  if (!c) throw data(null, { status: 404 })
  return c
}

export { receiptPdf } from '../../../services/pdf/case-receipt.server.ts'

export function pdfResponse(bytes: Uint8Array, fileName: string) {
  return new Response(Buffer.from(bytes), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="${fileName}"`,
      'Cache-Control': 'no-store',
    },
  })
}
