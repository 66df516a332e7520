import exifr from 'exifr'
import { describe, expect, it } from 'vitest'
import { ascii, concat, MalformedError, viewOf } from './bytes.ts'
import { exifTiff, GPS, indexOf, riffChunk, webp, webpParts, XMP_PACKET } from './test-images.ts'
import { stripWebp } from './webp.ts'

/** The chunk FourCCs of a WebP file, in order. */
function chunkTypes(b: Uint8Array): string[] {
  const types: string[] = []
  for (let at = 12; at + 8 <= b.length; ) {
    const size = viewOf(b).getUint32(at + 4, true)
    types.push(ascii(b, at, 4))
    at += 8 + size + (size & 1)
  }
  return types
}

describe('stripWebp', () => {
  it('removes the EXIF chunk whose GPS exifr reads, and the XMP chunk', async () => {
    const p = webpParts()
    const original = webp(Object.values(p))
    // exifr does not read WebP, but the EXIF chunk is a plain TIFF block, which it does read.
    const exifPayload = p.exif.subarray(8)
    expect((await exifr.gps(exifPayload)).latitude).toBeCloseTo(GPS.latitude, 6)

    const { bytes, removed } = stripWebp(original)
    expect(removed).toEqual(['EXIF', 'XMP'])
    expect(chunkTypes(bytes)).toEqual(['VP8X', 'VP8L'])
    expect(indexOf(bytes, exifTiff())).toBe(-1)
    expect(indexOf(bytes, XMP_PACKET)).toBe(-1)
  })

  it('fixes the RIFF size and clears the EXIF and XMP flags, keeping the image chunk byte for byte', () => {
    const p = webpParts()
    const { bytes } = stripWebp(webp(Object.values(p)))
    expect(viewOf(bytes).getUint32(4, true)).toBe(bytes.length - 8)
    const vp8x = bytes.subarray(12, 12 + p.vp8x.length)
    expect(vp8x[8]).toBe(0x10) // alpha still flagged; EXIF (0x08) and XMP (0x04) cleared
    expect(vp8x.subarray(9)).toEqual(p.vp8x.subarray(9)) // canvas size untouched
    expect(bytes.subarray(12 + p.vp8x.length)).toEqual(p.vp8l)
    expect(bytes.length).toBe(12 + p.vp8x.length + p.vp8l.length)
  })

  it('handles odd-sized chunks and their pad byte', () => {
    const p = webpParts()
    const oddExif = riffChunk('EXIF', concat([exifTiff(), Uint8Array.of(0)]))
    const oddUnknown = riffChunk('ABCD', Uint8Array.of(1, 2, 3))
    expect(oddExif.length % 2).toBe(0) // the pad byte is there
    const { bytes } = stripWebp(webp([p.vp8x, p.vp8l, oddUnknown, oddExif]))
    expect(chunkTypes(bytes)).toEqual(['VP8X', 'VP8L', 'ABCD'])
    expect(bytes.subarray(bytes.length - oddUnknown.length)).toEqual(oddUnknown)
  })

  it('drops bytes after the RIFF container', () => {
    const p = webpParts()
    const clean = webp([p.vp8l])
    const { bytes, removed } = stripWebp(concat([clean, new TextEncoder().encode('secret')]))
    expect(removed).toEqual(['trailer'])
    expect(bytes).toEqual(clean)
  })

  it('returns the very same bytes when there is nothing to remove', () => {
    const p = webpParts()
    const clean = webp([p.vp8x, p.vp8l])
    expect(stripWebp(clean).bytes).toBe(clean)
  })

  it('refuses a RIFF size larger than the file and chunks that overrun it', () => {
    const original = webp()
    expect(() => stripWebp(original.subarray(0, original.length - 10))).toThrow(MalformedError)
    const overrun = original.slice()
    viewOf(overrun).setUint32(12 + 4, 0xffff, true) // VP8X claims 64 kB
    expect(() => stripWebp(overrun)).toThrow(MalformedError)
  })
})
