import { data } from 'react-router'
import { audit } from '../../../services/audit/audit.server.ts'
import { requireMember } from '../../../services/auth/teams.server.ts'
import { maySee } from '../../../services/cases/case-view.server.ts'
import { getAttachmentBytes } from '../../../services/cases/queries.server.ts'
import { showsInline, uploadedFileResponse } from '../../utils/file-response.ts'
import type { Route } from './+types/attachment'

export async function loader({ request, params }: Route.LoaderArgs) {
  const member = await requireMember(request)
  // A department sees the files of its own forwarded cases only, like the case itself.
  if (!(await maySee(member, params.caseId))) throw data(null, { status: 404 })
  const file = await getAttachmentBytes(params.caseId, params.attachmentId)
  if (!file) throw data(null, { status: 404 })
  await audit(member.id, 'case.attachment', { caseId: params.caseId, details: { attachment: file.id, name: file.name } })
  return uploadedFileResponse(file, showsInline(file.mime))
}
