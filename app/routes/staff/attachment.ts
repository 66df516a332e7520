import { data } from 'react-router'
import { requireStaff } from '../../../services/auth/require-staff.server.ts'
import { getAttachmentBytes } from '../../../services/cases/queries.server.ts'
import type { Route } from './+types/attachment'

/** RFC 6266/5987: an ASCII fallback plus the exact UTF-8 name, so "bild på gatan.jpg" survives. */
const disposition = (kind: 'inline' | 'attachment', name: string) =>
  `${kind}; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`

export async function loader({ request, params }: Route.LoaderArgs) {
  await requireStaff(request)
  const file = await getAttachmentBytes(params.caseId, params.attachmentId)
  if (!file) throw data(null, { status: 404 })
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
