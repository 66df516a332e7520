/** RFC 6266/5987: an ASCII fallback plus the exact UTF-8 name, so "bild på gatan.jpg" survives. */
export const contentDisposition = (kind: 'inline' | 'attachment', name: string) =>
  `${kind}; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`

/** What a browser shows by itself instead of saving: PDFs and the image types Chromium draws (not HEIC). */
export const showsInline = (mime: string) => mime === 'application/pdf' || (mime.startsWith('image/') && mime !== 'image/heic')

/**
 * An uploaded file as a response. `inline` shows it in the browser (staff, and kiosks, where nothing may be
 * saved onto the public computer); otherwise it is downloaded. Either way it never runs script in our origin.
 */
export function uploadedFileResponse(file: { name: string; mime: string; bytes: Uint8Array }, inline: boolean): Response {
  return new Response(Buffer.from(file.bytes), {
    headers: {
      'Content-Type': file.mime,
      'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', file.name),
      'Content-Length': String(file.bytes.byteLength),
      'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  })
}
