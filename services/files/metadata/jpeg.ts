import { concat, malformed, viewOf } from './bytes.ts'
import { orientationOnlyApp1, readOrientation } from './exif.ts'
import { unchanged, type StripResult } from './types.ts'

const SOI = 0xd8
const EOI = 0xd9
const SOS = 0xda
const APP1 = 0xe1
const APP2 = 0xe2
const APP13 = 0xed

const hasPrefix = (b: Uint8Array, at: number, end: number, prefix: string) => {
  if (at + prefix.length > end) return false
  for (let i = 0; i < prefix.length; i++) if (b[at + i] !== prefix.charCodeAt(i)) return false
  return true
}

/** What kind of removable metadata a segment holds, or null to keep it. */
function classify(marker: number, b: Uint8Array, at: number, end: number): string | null {
  if (marker === APP1) {
    if (hasPrefix(b, at, end, 'Exif\0')) return 'Exif'
    if (hasPrefix(b, at, end, 'http://ns.adobe.com/')) return 'XMP'
    // Every APP1 goes: nothing that draws the image lives there, and unknown ones may be vendor Exif.
    return 'APP1'
  }
  if (marker === APP13) return hasPrefix(b, at, end, 'Photoshop 3.0\0') ? 'IPTC' : 'APP13'
  // The MPF index points at the images after EOI, which are dropped below.
  if (marker === APP2 && hasPrefix(b, at, end, 'MPF\0')) return 'MPF'
  return null
}

/** Our own minimal Exif (exif.ts), so that stripping a stripped file changes and reports nothing. */
function isOrientationOnly(segment: Uint8Array): boolean {
  const orientation = readOrientation(segment.subarray(4 + 6))
  if (orientation === undefined) return false
  const minimal = orientationOnlyApp1(orientation)
  return segment.length === minimal.length && minimal.every((x, i) => segment[i] === x)
}

/**
 * Removes Exif, XMP and IPTC by cutting segments out; every other byte, including the entropy-coded
 * image data, is copied unchanged, so the picture decodes to exactly the same pixels.
 *
 * - Orientation survives in a new minimal Exif (see exif.ts); GPS, camera serials, dates and the Exif
 *   thumbnail do not.
 * - Everything after EOI goes: phones append further JPEGs there (MPF previews, depth and gain maps),
 *   each with its own Exif that can carry the same GPS position. The main image does not need them.
 * - A file that ends inside the image data (truncated upload) is accepted as it is: browsers show such
 *   files, and the metadata segments all come before the image data.
 */
export function stripJpeg(bytes: Uint8Array): StripResult {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== SOI) malformed('no JPEG start of image')
  const v = viewOf(bytes)
  const kept: Uint8Array[] = [bytes.subarray(0, 2)]
  const removed = new Set<string>()
  let exifSlot: number | undefined
  let orientation: number | undefined
  let pos = 2
  let sawEoi = false

  while (pos < bytes.length && !sawEoi) {
    if (bytes[pos] !== 0xff) malformed(`no marker at ${pos}`)
    let m = pos + 1
    while (bytes[m] === 0xff) m++ // 0xFF fill bytes may precede any marker
    const marker = bytes[m]
    if (marker === undefined) malformed('file ends inside a marker')
    if (marker === 0x00 || marker === SOI) malformed(`marker 0x${marker.toString(16)} at ${m}`)

    if (marker === EOI || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      // Markers without a length field.
      kept.push(bytes.subarray(pos, m + 1))
      pos = m + 1
      sawEoi = marker === EOI
      continue
    }

    if (m + 3 > bytes.length) malformed('file ends inside a segment length')
    const length = v.getUint16(m + 1)
    const end = m + 1 + length
    if (length < 2 || end > bytes.length) malformed(`segment at ${pos} overruns the file`)

    const kind = classify(marker, bytes, m + 3, end)
    if (kind === null || (kind === 'Exif' && isOrientationOnly(bytes.subarray(pos, end)))) {
      kept.push(bytes.subarray(pos, end))
    } else {
      removed.add(kind)
      if (kind === 'Exif' && exifSlot === undefined) {
        exifSlot = kept.length
        orientation = readOrientation(bytes.subarray(m + 3 + 6, end)) // after "Exif\0\0"
      }
    }
    pos = end

    if (marker === SOS) {
      // Entropy-coded data: 0xFF is followed by 0x00 (stuffing) or a restart marker; anything else is
      // the next real marker (another scan's tables, the next SOS, or EOI).
      let i = pos
      while (i < bytes.length) {
        if (bytes[i] === 0xff) {
          const next = bytes[i + 1]
          if (next === undefined) {
            i++
            break
          }
          if (next !== 0x00 && !(next >= 0xd0 && next <= 0xd7)) break
          i += 2
        } else {
          i++
        }
      }
      kept.push(bytes.subarray(pos, i))
      pos = i
    }
  }

  if (pos < bytes.length) removed.add('trailer')
  if (removed.size === 0) return unchanged(bytes)
  if (exifSlot !== undefined && orientation !== undefined && orientation !== 1) {
    kept.splice(exifSlot, 0, orientationOnlyApp1(orientation))
  }
  return { bytes: concat(kept), removed: [...removed] }
}
