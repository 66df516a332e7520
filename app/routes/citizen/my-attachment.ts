import { data } from 'react-router'
import { getAttachmentBytes } from '../../../services/cases/queries.server.ts'
import { requireMyCase } from './my-case-files.server.ts'
import type { Route } from './+types/my-attachment'

/** RFC 6266/5987: an ASCII fallback plus the exact UTF-8 name. */
const disposition = (name: string) => `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`

/** A file of one of my cases, downloaded (never shown inline: an upload must not run in our origin). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const c = await requireMyCase(request, params.caseId)
  const file = await getAttachmentBytes(c.id, params.attachmentId)
  if (!file) throw data(null, { status: 404 })
  return new Response(Buffer.from(file.bytes), {
    headers: {
      'Content-Type': file.mime,
      'Content-Disposition': disposition(file.name),
      'Content-Length': String(file.bytes.byteLength),
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, no-store',
    },
  })
}
