import { data, redirect } from 'react-router'
import { getForm } from '#forms/registry.ts'
import { isCitizen, loginPath } from '#services/auth/citizen.server.ts'
import { getSession } from '#services/auth/session.server.ts'
import { sql } from '#services/db/sql.server.ts'
import { getCase } from '#services/cases/queries.server.ts'

/**
 * A receipt is shown to the browser session that sent the case, and to the person it was filed as once
 * they are logged in with BankID again: a new login is a new session (the old one ended at logout or when
 * it went idle), so the session's own list of receipts no longer has it, yet the receipt is theirs.
 * Anyone else gets the same 404 as for a number that does not exist, so case numbers cannot be probed.
 * Someone not logged in who opens a receipt of a BankID e-service is asked to log in first; that depends
 * only on the e-service in the address, never on whether the case exists.
 */
export async function receiptCase(request: Request, formId: string, number: string) {
  const session = await getSession(request)
  const [row] = session
    ? await sql()<{ id: string; personnummer: string | null }[]>`
        select id, applicant->>'personnummer' as personnummer from cases where number = ${number} and form_id = ${formId}`
    : []
  const sentHere = Boolean(row && session?.data.receipts?.includes(row.id))
  const theirs = Boolean(row?.personnummer && isCitizen(session) && session.person.personnummer === row.personnummer)
  if (!sentHere && !theirs) {
    if (!isCitizen(session) && getForm(formId)?.identification === 'bankid') {
      const url = new URL(request.url)
      throw redirect(loginPath(url.pathname))
    }
    throw data(null, { status: 404 })
  }
  const c = await getCase(row!.id)
  if (!c) throw data(null, { status: 404 })
  return c
}

export { receiptMailedTo } from '#services/mail/receipt-mail.server.ts'
export { receiptPdf } from '#services/pdf/case-receipt.server.ts'

export function pdfResponse(bytes: Uint8Array, fileName: string) {
  return new Response(Buffer.from(bytes), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="${fileName}"`,
      'Cache-Control': 'no-store',
    },
  })
}
