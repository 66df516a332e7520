import type { RegisterExtract } from '#services/extract/types.ts'
import { renderRegisterExtractPdf } from '#services/pdf/register-extract.server.ts'
import { contentDisposition } from '#app/utils/file-response.ts'
import { extractDocument } from './extract-document.server.ts'

export type ExtractFormat = 'pdf' | 'json'
export const isExtractFormat = (f: unknown): f is ExtractFormat => f === 'pdf' || f === 'json'

/**
 * A register extract as a file. `inline` at a kiosk: shown in the browser to read or print, never saved onto
 * the public computer; elsewhere downloaded. The name carries the date, never the personnummer (file names
 * end up in download lists and synced folders).
 */
export async function extractResponse(x: RegisterExtract, format: ExtractFormat, opts: { inline: boolean; baseName: string }): Promise<Response> {
  const name = `${opts.baseName}-${x.createdAt.slice(0, 10)}.${format}`
  const body = format === 'pdf' ? Buffer.from(await renderRegisterExtractPdf(extractDocument(x))) : JSON.stringify(x, null, 2)
  return new Response(body, {
    headers: {
      'Content-Type': format === 'pdf' ? 'application/pdf' : 'application/json; charset=utf-8',
      'Content-Disposition': contentDisposition(opts.inline ? 'inline' : 'attachment', name),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}

