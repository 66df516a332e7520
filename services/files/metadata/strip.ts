import { stripIsobmff } from './heic.ts'
import { stripJpeg } from './jpeg.ts'
import { stripPng } from './png.ts'
import { unchanged, type StripResult } from './types.ts'
import { stripWebp } from './webp.ts'

const strippers = new Map<string, (bytes: Uint8Array) => StripResult>([
  ['image/jpeg', stripJpeg],
  ['image/png', stripPng],
  ['image/apng', stripPng],
  ['image/webp', stripWebp],
  ['image/heic', stripIsobmff],
  ['image/heif', stripIsobmff],
  ['image/heic-sequence', stripIsobmff],
  ['image/heif-sequence', stripIsobmff],
  ['image/avif', stripIsobmff],
])

/**
 * Removes metadata that can carry location or personal data, without re-encoding: the image data
 * is copied (or, for HEIC, left in place) byte for byte. `mime` must be the type detected from the
 * bytes. Types without a stripper (PDF, ...) come back unchanged with removed = [].
 *
 * When nothing is removed, the input object itself is returned; otherwise a new array, and the input
 * is never modified.
 */
export function stripMetadata(bytes: Uint8Array, mime: string): StripResult {
  const strip = strippers.get(mime)
  if (!strip) return unchanged(bytes)
  try {
    return strip(bytes)
  } catch {
    // A file we cannot parse is still the citizen's attachment (a photo of the fault may be all the
    // case has), so it is stored as it came rather than rejected or half-rewritten. The strippers build
    // their output only after the whole parse succeeded, so there is nothing partial to undo.
    return unchanged(bytes)
  }
}

export type { StripResult }
