import heicDecode from 'heic-decode'
import sharp, { type Metadata } from 'sharp'

/**
 * Larger than any phone camera (a 200-megapixel sensor is 16,320 × 12,240) yet far below what would exhaust
 * memory: a small file that claims more pixels than this (a decompression bomb) is refused before decoding.
 */
export const MAX_IMAGE_PIXELS = 200_000_000

/** Photos the portal decodes and re-encodes; anything else (PDF) is stored as sent. */
const REENCODED = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif'])
export const isReencoded = (mime: string) => REENCODED.has(mime)

export type CleanImage =
  | { ok: true; bytes: Uint8Array; mime: string; ext: string; removed: string[] }
  | { ok: false; reason: 'unreadable' | 'too-many-pixels' }

const UNREADABLE = { ok: false, reason: 'unreadable' } as const
const INPUT = { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' } as const

/** The kinds of metadata a photo carries, named as they were before (staff see "platsinformation borttagen"). */
const metadataIn = (meta: Metadata) =>
  [meta.exif && 'Exif', meta.xmp && 'XMP', meta.iptc && 'IPTC'].filter((x): x is string => Boolean(x))

/**
 * Decodes an uploaded photo and encodes it again, so what is stored is pixels the portal has read rather than
 * the bytes it was sent: a file that does not decode (random bytes behind a JPEG header, a truncated upload)
 * is refused, and nothing but the image survives — no EXIF with the GPS position, no XMP, no trailing data.
 * The camera's rotation is applied to the pixels first, so the photo stands as it was taken. With `keepExif`
 * (felanmälan lets the reporter keep the position on purpose) the EXIF block is carried over.
 *
 * HEIC, what iPhones save, is decoded with libheif compiled to WebAssembly (the prebuilt image library reads
 * the container but has no HEVC decoder) and stored as JPEG, which every staff browser shows.
 */
export async function cleanImage(bytes: Uint8Array, mime: string, opts: { keepExif?: boolean } = {}): Promise<CleanImage> {
  let meta: Metadata
  try {
    // The header alone, so a bomb is told apart from a broken file; only the decoding below is limited.
    meta = await sharp(bytes, { limitInputPixels: false }).metadata()
  } catch {
    return UNREADABLE
  }
  if ((meta.width ?? 0) * (meta.height ?? 0) > MAX_IMAGE_PIXELS) return { ok: false, reason: 'too-many-pixels' }
  const removed = opts.keepExif ? [] : metadataIn(meta)
  try {
    if (meta.format === 'heif' && meta.compression === 'hevc') return { ok: true, ...(await heicToJpeg(bytes)), removed: metadataIn(meta) }
    let image = sharp(bytes, INPUT).rotate()
    if (opts.keepExif) image = image.keepExif()
    if (mime === 'image/png') return { ok: true, bytes: await image.png().toBuffer(), mime, ext: 'png', removed }
    if (mime === 'image/webp') return { ok: true, bytes: await image.webp({ quality: 90 }).toBuffer(), mime, ext: 'webp', removed }
    return { ok: true, bytes: await image.jpeg({ quality: 90 }).toBuffer(), mime: 'image/jpeg', ext: 'jpg', removed }
  } catch {
    return UNREADABLE
  }
}

/** The primary image of an HEVC-coded HEIF file as JPEG; libheif applies the file's rotation while decoding. */
async function heicToJpeg(bytes: Uint8Array): Promise<{ bytes: Uint8Array; mime: string; ext: string }> {
  const images = await heicDecode.all({ buffer: bytes })
  try {
    const primary = images[0]
    if (!primary) throw new Error('no image in the HEIF file')
    const { width, height, data } = await primary.decode()
    const raw = Buffer.from(data.buffer, data.byteOffset, data.byteLength)
    return { bytes: await sharp(raw, { raw: { width, height, channels: 4 } }).jpeg({ quality: 90 }).toBuffer(), mime: 'image/jpeg', ext: 'jpg' }
  } finally {
    images.dispose()
  }
}
