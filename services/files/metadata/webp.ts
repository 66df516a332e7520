import { ascii, concat, copyOf, malformed, viewOf } from './bytes.ts'
import { unchanged, type StripResult } from './types.ts'

// VP8X feature flags (first payload byte): bit 3 says an EXIF chunk follows, bit 2 an XMP chunk.
const EXIF_FLAG = 0x08
const XMP_FLAG = 0x04

/**
 * Drops the EXIF and XMP chunks from a WebP RIFF container, then fixes the RIFF size and the VP8X
 * flags so readers do not look for chunks that are gone. Image chunks (VP8/VP8L/ALPH/ANMF) and ICCP are
 * copied byte for byte. Any orientation in the EXIF is lost with it: WebP files come from converters
 * that normally rotate the pixels themselves.
 */
export function stripWebp(bytes: Uint8Array): StripResult {
  if (bytes.length < 12 || ascii(bytes, 0, 4) !== 'RIFF' || ascii(bytes, 8, 4) !== 'WEBP') malformed('no WebP header')
  const v = viewOf(bytes)
  const riffEnd = 8 + v.getUint32(4, true)
  if (riffEnd < 12 || riffEnd > bytes.length) malformed('RIFF size does not match the file')

  const kept: Uint8Array[] = []
  const removed = new Set<string>()
  let vp8x: number | undefined
  let pos = 12
  while (pos < riffEnd) {
    if (pos + 8 > riffEnd) malformed(`chunk header at ${pos} runs past the RIFF end`)
    const fourcc = ascii(bytes, pos, 4)
    const size = v.getUint32(pos + 4, true)
    const dataEnd = pos + 8 + size
    if (dataEnd > riffEnd) malformed(`chunk ${fourcc} at ${pos} overruns the RIFF end`)
    // Odd-sized chunks carry a pad byte; some writers leave it off the last chunk, which is harmless.
    const end = Math.min(dataEnd + (size & 1), riffEnd)
    if (fourcc === 'EXIF') removed.add('EXIF')
    else if (fourcc === 'XMP ') removed.add('XMP')
    else {
      if (fourcc === 'VP8X') {
        if (size < 10) malformed('VP8X chunk too short')
        vp8x = kept.length
      }
      kept.push(bytes.subarray(pos, end))
    }
    pos = end
  }

  if (riffEnd < bytes.length) removed.add('trailer') // outside the RIFF, so no reader uses it
  if (removed.size === 0) return unchanged(bytes)

  if (vp8x !== undefined) {
    const chunk = copyOf(kept[vp8x] ?? malformed('lost VP8X'))
    chunk[8] = (chunk[8] ?? 0) & ~(EXIF_FLAG | XMP_FLAG)
    kept[vp8x] = chunk
  }
  const body = concat(kept)
  const header = copyOf(bytes.subarray(0, 12))
  viewOf(header).setUint32(4, 4 + body.length, true) // "WEBP" plus the chunks
  return { bytes: concat([header, body]), removed: [...removed] }
}
