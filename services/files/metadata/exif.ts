import { viewOf } from './bytes.ts'

const ORIENTATION = 0x0112
const SHORT = 3

/**
 * The Orientation tag (1–8) from IFD0 of a TIFF/Exif block, or undefined. Never throws: a broken Exif
 * only means we cannot carry the rotation over.
 */
export function readOrientation(tiff: Uint8Array): number | undefined {
  if (tiff.length < 8) return undefined
  const little = tiff[0] === 0x49 && tiff[1] === 0x49
  const big = tiff[0] === 0x4d && tiff[1] === 0x4d
  if (!little && !big) return undefined
  const v = viewOf(tiff)
  if (v.getUint16(2, little) !== 42) return undefined
  const ifd = v.getUint32(4, little)
  if (ifd + 2 > tiff.length) return undefined
  const count = v.getUint16(ifd, little)
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12
    if (entry + 12 > tiff.length) return undefined
    if (v.getUint16(entry, little) !== ORIENTATION) continue
    if (v.getUint16(entry + 2, little) !== SHORT || v.getUint32(entry + 4, little) !== 1) return undefined
    const value = v.getUint16(entry + 8, little)
    return value >= 1 && value <= 8 ? value : undefined
  }
  return undefined
}

/**
 * A complete JPEG APP1 segment whose Exif holds nothing but Orientation. Phones store most photos
 * sideways and rely on this tag, so without it staff would see reports rotated; it says nothing about
 * the citizen or the place.
 */
export function orientationOnlyApp1(orientation: number): Uint8Array {
  const tiff = [
    0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08, // big-endian TIFF header, IFD0 at offset 8
    0x00, 0x01, // one entry
    0x01, 0x12, 0x00, SHORT, 0x00, 0x00, 0x00, 0x01, 0x00, orientation & 0xff, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, // no IFD1 (so no thumbnail)
  ]
  const payload = [0x45, 0x78, 0x69, 0x66, 0x00, 0x00, ...tiff] // "Exif\0\0"
  const length = payload.length + 2
  return Uint8Array.from([0xff, 0xe1, length >> 8, length & 0xff, ...payload])
}
