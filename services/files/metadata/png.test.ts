import exifr from 'exifr'
import { describe, expect, it } from 'vitest'
import { concat, MalformedError } from './bytes.ts'
import { stripPng } from './png.ts'
import { exifTiff, GPS, indexOf, png, pngChunk, pngParts, XMP_PACKET } from './test-images.ts'

const text = (s: string) => new TextEncoder().encode(s)

describe('stripPng', () => {
  it('removes the eXIf GPS position that exifr reads from the original, and the text chunks', async () => {
    const original = png()
    expect((await exifr.gps(original)).latitude).toBeCloseTo(GPS.latitude, 6)
    expect(indexOf(original, text('Anna Andersson'))).toBeGreaterThan(0)

    const { bytes, removed } = stripPng(original)
    expect(await exifr.gps(bytes)).toBeUndefined()
    expect(removed).toEqual(['eXIf', 'tEXt', 'zTXt', 'iTXt'])
    expect(indexOf(bytes, exifTiff())).toBe(-1)
    expect(indexOf(bytes, XMP_PACKET)).toBe(-1)
    expect(indexOf(bytes, text('Anna Andersson'))).toBe(-1)
  })

  it('keeps the image chunks byte for byte, CRCs included', () => {
    const p = pngParts()
    const { bytes } = stripPng(png(p))
    expect(bytes).toEqual(concat([p.signature, p.ihdr, p.idat, p.iend]))
  })

  it('keeps chunks it does not know (they may be needed to draw the image)', () => {
    const p = pngParts()
    const srgb = pngChunk('sRGB', Uint8Array.of(0))
    const { bytes } = stripPng(concat([p.signature, p.ihdr, srgb, p.text, p.idat, p.iend]))
    expect(bytes).toEqual(concat([p.signature, p.ihdr, srgb, p.idat, p.iend]))
  })

  it('drops data hidden after IEND', () => {
    const p = pngParts()
    const { bytes, removed } = stripPng(concat([p.signature, p.ihdr, p.idat, p.iend, text('secret')]))
    expect(removed).toEqual(['trailer'])
    expect(bytes).toEqual(concat([p.signature, p.ihdr, p.idat, p.iend]))
  })

  it('returns the very same bytes when there is nothing to remove', () => {
    const p = pngParts()
    const clean = concat([p.signature, p.ihdr, p.idat, p.iend])
    expect(stripPng(clean).bytes).toBe(clean)
    expect(stripPng(clean).removed).toEqual([])
  })

  it('refuses a chunk that runs past the end', () => {
    const original = png()
    expect(() => stripPng(original.subarray(0, original.length - 20))).toThrow(MalformedError)
    expect(() => stripPng(text('GIF89a'))).toThrow(MalformedError)
  })
})
