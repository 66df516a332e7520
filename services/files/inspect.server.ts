import { fileTypeFromBuffer } from 'file-type'

export { safeFileName } from './file-name.ts'

export type DetectedType = { mime: string; ext: string }

/** Major and compatible brands of a leading ISO-BMFF `ftyp` box; [] when there is none. */
export function ftypBrands(b: Uint8Array): string[] {
  const ascii = (at: number) => String.fromCharCode(...b.subarray(at, at + 4))
  if (b.length < 16 || ascii(4) !== 'ftyp') return []
  const end = Math.min(new DataView(b.buffer, b.byteOffset, b.byteLength).getUint32(0), b.length)
  const brands = [ascii(8)]
  for (let at = 16; at + 4 <= end; at += 4) brands.push(ascii(at))
  return brands
}

/** Brands that mean HEVC-coded HEIF images, i.e. what phones save as .heic. */
const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis'])

/**
 * The file's type from its bytes (never from its name or the browser's Content-Type), or null when
 * it is not a format we can recognise.
 *
 * file-type decides HEIF by the major brand alone, so a file with major brand "mif1" (the generic HEIF
 * brand some Android phones write) comes back as image/heif even when its compatible brands say it is
 * HEVC-coded HEIC. Forms accept "image/heic", so such files are normalised here; "mif1" files whose
 * brands say AVIF become image/avif. Image sequences (msf1, hevc, hevx) keep file-type's answer.
 */
export async function detectType(bytes: Uint8Array): Promise<DetectedType | null> {
  if (bytes.length === 0) return null
  let found
  try {
    found = await fileTypeFromBuffer(bytes)
  } catch {
    // file-type can reject some malformed containers with an error instead of undefined; for an upload
    // that means the same thing: a type we do not recognise, which the form then refuses politely.
    return null
  }
  if (!found) return null
  if (found.mime === 'image/heif') {
    const brands = ftypBrands(bytes)
    if (brands.some((brand) => HEIC_BRANDS.has(brand))) return { mime: 'image/heic', ext: 'heic' }
    if (brands.includes('avif')) return { mime: 'image/avif', ext: 'avif' }
  }
  return { mime: found.mime, ext: found.ext }
}
