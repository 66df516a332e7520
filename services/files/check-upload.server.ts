import { checkFile, unreadableImageMessage, type FileField, type Locale } from '#forms/kit/index.ts'
import { cleanImage, isReencoded } from './images.server.ts'
import { detectType, safeFileName } from './inspect.server.ts'

/** A file that passed its field's rules, ready to store: the bytes the portal will keep and what they lost. */
export type CheckedUpload = { name: string; mime: string; bytes: Uint8Array; removed: string[] }

/**
 * One uploaded file against its field's rules, the same way on every path (e-service pages, supplements,
 * messages): size before reading, the type from the bytes (never the name or the browser's claim), and a
 * photo decoded and encoded again so that only its pixels are kept (services/files/images.server.ts).
 * A HEIC photo becomes a JPEG, and its name says so. `keepExif` keeps the photo's EXIF, position included,
 * where the citizen chose to share it.
 */
export async function checkUpload(field: FileField, file: File, locale: Locale, opts: { keepExif?: boolean } = {}): Promise<{ ok: true; file: CheckedUpload } | { ok: false; error: string }> {
  const name = safeFileName(file.name)
  // Size first: a 200 MB file should not be read to be refused.
  const early = checkFile(field, { name, size: file.size, mime: field.accept[0] ?? '' }, locale)
  if (early) return { ok: false, error: early }
  const raw = new Uint8Array(await file.arrayBuffer())
  const mime = (await detectType(raw))?.mime ?? 'application/octet-stream'
  const problem = checkFile(field, { name, size: raw.byteLength, mime }, locale)
  if (problem) return { ok: false, error: problem }
  if (!isReencoded(mime)) return { ok: true, file: { name, mime, bytes: raw, removed: [] } }
  const clean = await cleanImage(raw, mime, opts)
  if (!clean.ok) return { ok: false, error: unreadableImageMessage(field, name, clean.reason, locale) }
  const renamed = clean.mime === mime ? name : `${name.replace(/\.[^.]*$/, '')}.${clean.ext}`
  return { ok: true, file: { name: renamed, mime: clean.mime, bytes: clean.bytes, removed: clean.removed } }
}
