import { data } from 'react-router'
import { auditOpening } from '#services/audit/audit.server.ts'
import { readForm } from '#services/auth/csrf.server.ts'
import { requireMember, SERVICECENTER_ROLES } from '#services/auth/teams.server.ts'
import { printPending } from '#services/letters/letters.server.ts'
import { pdfResponse } from '../eservice/receipt.server.ts'
import type { Route } from './+types/post-letters-pdf'

/**
 * "Skriv ut alla brev": every letter on the member's post list as one PDF. A post, since printing is recorded
 * (the list then shows the letters as printed); each case's letter opening goes to the audit log.
 */
export async function action({ request }: Route.ActionArgs) {
  const member = await requireMember(request, SERVICECENTER_ROLES)
  await readForm(request)
  const printed = await printPending(member)
  if (!printed) throw data(null, { status: 404 })
  for (const l of printed.letters) await auditOpening(member.id, 'case.pdf', { caseId: l.caseId, details: { document: 'brev', seq: l.eventSeq } })
  return pdfResponse(printed.bytes, `brev-att-posta-${new Date().toISOString().slice(0, 10)}.pdf`)
}

export function loader() {
  throw data(null, { status: 405 })
}
