import { data } from 'react-router'
import { auditOpening } from '../../../services/audit/audit.server.ts'
import { requireMember } from '../../../services/auth/teams.server.ts'
import { openAttachment } from '../../../services/cases/case-view.server.ts'
import type { Route } from './+types/attachment'

/** RFC 6266/5987: an ASCII fallback plus the exact UTF-8 name, so "bild på gatan.jpg" survives. */
const disposition = (kind: 'inline' | 'attachment', name: string) =>
  `${kind}; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`

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
