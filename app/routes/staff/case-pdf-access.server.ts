import { data } from 'react-router'
import { auditOpening } from '#services/audit/audit.server.ts'
import { requireMember } from '#services/auth/teams.server.ts'
import { maySee } from '#services/cases/case-view.server.ts'

/**
 * A PDF of one case for staff (its receipt, its decision letter): only for a member who may see the case, and
 * recorded in the access log as an opening of that document. A case not theirs, or a document that does not
 * exist, is the same 404.
 */
export async function openCasePdf<T>(request: Request, caseId: string, document: 'kvitto' | 'beslut', load: () => Promise<T | null | undefined>) {
  const member = await requireMember(request)
  if (!(await maySee(member, caseId))) throw data(null, { status: 404 })
  const pdfSource = await load()
  if (!pdfSource) throw data(null, { status: 404 })
  await auditOpening(member.id, 'case.pdf', { caseId, details: { document } })
  return { member, pdfSource }
}
