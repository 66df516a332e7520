import { ascii, concat, malformed, viewOf } from './bytes.ts'
import { unchanged, type StripResult } from './types.ts'

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/** eXIf can hold GPS; the text chunks hold free text such as author, comment, or XMP (in iTXt). */
const REMOVE = new Set(['eXIf', 'tEXt', 'iTXt', 'zTXt'])

/**
 * Cuts metadata chunks out of a PNG (or APNG). Each chunk's CRC covers only that chunk, so the chunks
 * that stay are copied byte for byte and stay valid. Bytes after IEND are dropped as well: decoders
 * ignore them, so they can only be hidden data.
 */
export function stripPng(bytes: Uint8Array): StripResult {
  if (bytes.length < SIGNATURE.length || SIGNATURE.some((s, i) => bytes[i] !== s)) malformed('no PNG signature')
  const v = viewOf(bytes)
  const kept: Uint8Array[] = [bytes.subarray(0, SIGNATURE.length)]
  const removed = new Set<string>()
  let pos = SIGNATURE.length
  let sawIend = false

  while (pos < bytes.length && !sawIend) {
    if (pos + 12 > bytes.length) malformed(`chunk header at ${pos} runs past the end`)
    const length = v.getUint32(pos)
    const end = pos + 12 + length // length, type, data, CRC
    if (length > 0x7fffffff || end > bytes.length) malformed(`chunk at ${pos} overruns the file`)
    const type = ascii(bytes, pos + 4, 4)
    if (REMOVE.has(type)) removed.add(type)
    else kept.push(bytes.subarray(pos, end))
    sawIend = type === 'IEND'
    pos = end
  }

  if (pos < bytes.length) removed.add('trailer')
  if (removed.size === 0) return unchanged(bytes)
  return { bytes: concat(kept), removed: [...removed] }
}
