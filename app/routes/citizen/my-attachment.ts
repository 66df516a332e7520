import { data } from 'react-router'
import { getAttachmentBytes } from '#services/cases/queries.server.ts'
import { showsInline, uploadedFileResponse } from '#app/utils/file-response.ts'
import { requireMyCase } from './my-case-files.server.ts'
import type { Route } from './+types/my-attachment'

/**
 * A file of one of my cases. On the citizen's own device it is downloaded; at a kiosk nothing may be saved
 * onto the public computer, so it is shown in the browser (to read or print), and a file the browser cannot
 * show (HEIC) is not given there at all: Mina sidor lists it without a link at a kiosk.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const c = await requireMyCase(request, params.caseId)
  const file = await getAttachmentBytes(c.id, params.attachmentId)
  if (!file || (context.kiosk && !showsInline(file.mime))) throw data(null, { status: 404 })
  return uploadedFileResponse(file, !!context.kiosk)
}
