import { data } from 'react-router'
import { auditOpening } from '#services/audit/audit.server.ts'
import { requireMember } from '#services/auth/teams.server.ts'
import { openAttachment } from '#services/cases/case-view.server.ts'
import { showsInline, uploadedFileResponse } from '#app/utils/file-response.ts'
import type { Route } from './+types/attachment'

export async function loader({ request, params }: Route.LoaderArgs) {
  const member = await requireMember(request)
  // A department sees the files of its own forwarded cases only, like the case itself; sensitive files only
  // those who handle the case (ADR 018). Any other answer is the 404 of a file that does not exist.
  const file = await openAttachment(member, params.caseId, params.attachmentId)
  if (!file) throw data(null, { status: 404 })
  // A picture shown on the case page (`?visning=sida`) is part of opening the case, logged as that; opened on
  // its own, or with no case opening in the window, it is an opening of the attachment.
  const onCasePage = new URL(request.url).searchParams.get('visning') === 'sida'
  await auditOpening(member.id, 'case.attachment', {
    caseId: params.caseId, details: { attachment: file.id, name: file.name }, ...(onCasePage ? { coveredBy: ['case.view'] as const } : {}),
  })
  return uploadedFileResponse(file, showsInline(file.mime))
}
