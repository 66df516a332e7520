import { data } from 'react-router'
import { audit } from '../../../services/audit/audit.server.ts'
import { requireMember } from '../../../services/auth/teams.server.ts'
import { maySee } from '../../../services/cases/case-view.server.ts'
import { getAttachmentBytes } from '../../../services/cases/queries.server.ts'
import type { Route } from './+types/attachment'

/** RFC 6266/5987: an ASCII fallback plus the exact UTF-8 name, so "bild på gatan.jpg" survives. */
const disposition = (kind: 'inline' | 'attachment', name: string) =>
  `${kind}; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`

export async function loader({ request, params }: Route.LoaderArgs) {
  const member = await requireMember(request)
  // A department sees the files of its own forwarded cases only, like the case itself.
  if (!(await maySee(member, params.caseId))) throw data(null, { status: 404 })
  const file = await getAttachmentBytes(params.caseId, params.attachmentId)
  if (!file) throw data(null, { status: 404 })
  await audit(member.id, 'case.attachment', { caseId: params.caseId, details: { attachment: file.id, name: file.name } })
  const inline = file.mime === 'application/pdf' || (file.mime.startsWith('image/') && file.mime !== 'image/heic')
  return new Response(Buffer.from(file.bytes), {
    headers: {
      'Content-Type': file.mime,
      'Content-Disposition': disposition(inline ? 'inline' : 'attachment', file.name),
      'Content-Length': String(file.bytes.byteLength),
      // An uploaded file is never allowed to run script in the portal's origin.
      'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      'Cache-Control': 'private, no-store',
    },
  })
}
