import exifr from 'exifr'
import { describe, expect, it } from 'vitest'
import { concat, MalformedError, viewOf } from './bytes.ts'
import { ftypBrands, stripIsobmff } from './heic.ts'
import { exifTiff, GPS, heic, indexOf, XMP_PACKET, type HeicOptions } from './test-images.ts'

type Range = { start: number; end: number }

/** All bytes outside the given ranges, in order. */
function outside(b: Uint8Array, ranges: Range[]): Uint8Array {
  const sorted = [...ranges].sort((x, y) => x.start - y.start)
  const parts: Uint8Array[] = []
  let at = 0
  for (const r of sorted) {
    parts.push(b.subarray(at, r.start))
    at = r.end
  }
  parts.push(b.subarray(at))
  return concat(parts)
}

describe('stripIsobmff', () => {
  it('removes the Exif GPS position that exifr reads from the original', async () => {
    const { bytes: original } = heic()
    expect((await exifr.gps(original)).latitude).toBeCloseTo(GPS.latitude, 6)

    const { bytes, removed } = stripIsobmff(original)
    expect(removed).toEqual(['Exif', 'XMP'])
    expect(await exifr.gps(bytes)).toBeUndefined()
    expect(indexOf(bytes, exifTiff())).toBe(-1)
    expect(indexOf(bytes, XMP_PACKET)).toBe(-1)
  })

  const layouts: [string, HeicOptions][] = [
    ['iloc v1, infe v2 (what phones write)', {}],
    ['iloc v0', { ilocVersion: 0 }],
    ['iloc v2, infe v3 (32-bit item IDs)', { ilocVersion: 2, infeVersion: 3 }],
    ['base offsets', { baseOffsets: true }],
    ['Exif in idat (construction method 1)', { exifInIdat: true }],
    ['major brand mif1', { brands: ['mif1', 'mif1', 'heic'] }],
  ]
  it.each(layouts)('zeroes the Exif and XMP items in place and leaves every other byte alone: %s', (_name, options) => {
    const file = heic(options)
    const { bytes } = stripIsobmff(file.bytes)
    expect(bytes.length).toBe(file.bytes.length)
    expect(bytes.subarray(file.exif.start, file.exif.end).every((x) => x === 0)).toBe(true)
    expect(bytes.subarray(file.xmp.start, file.xmp.end).every((x) => x === 0)).toBe(true)
    expect(outside(bytes, [file.exif, file.xmp])).toEqual(outside(file.bytes, [file.exif, file.xmp]))
    expect(bytes.subarray(file.image.start, file.image.end)).toEqual(file.bytes.subarray(file.image.start, file.image.end))
  })

  it('does not write into the caller’s bytes, even when they are a Node Buffer', () => {
    const file = heic()
    const input = Buffer.from(file.bytes)
    stripIsobmff(input)
    expect(new Uint8Array(input)).toEqual(file.bytes)
  })

  it('returns the very same bytes when there is no metadata item', () => {
    const file = heic()
    // Rename the items' types so that neither is Exif nor XMP any more.
    const renamed = file.bytes.slice()
    for (const needle of ['Exif', 'application/rdf+xml']) {
      const at = indexOf(renamed, new TextEncoder().encode(needle))
      renamed.set(new TextEncoder().encode('x'), at)
    }
    const result = stripIsobmff(renamed)
    expect(result.bytes).toBe(renamed)
    expect(result.removed).toEqual([])
  })

  it('refuses an Exif item that points outside mdat rather than zeroing the structure', () => {
    const file = heic({ ilocVersion: 0 })
    const broken = file.bytes.slice()
    // The Exif extent offset is the 4-byte big-endian number equal to where the Exif item starts.
    const needle = new Uint8Array(4)
    viewOf(needle).setUint32(0, file.exif.start)
    const at = indexOf(broken, needle)
    expect(at).toBeGreaterThan(0)
    viewOf(broken).setUint32(at, 0) // now it points at ftyp
    expect(() => stripIsobmff(broken)).toThrow(MalformedError)
  })

  it('refuses files that do not start with ftyp or whose boxes overrun', () => {
    const { bytes } = heic()
    expect(() => stripIsobmff(bytes.subarray(8))).toThrow(MalformedError)
    expect(() => stripIsobmff(bytes.subarray(0, bytes.length - 3))).toThrow(MalformedError)
  })
})

describe('ftypBrands', () => {
  it('lists the major and compatible brands, and nothing for other files', () => {
    expect(ftypBrands(heic({ brands: ['mif1', 'miaf', 'heic'] }).bytes)).toEqual(['mif1', 'miaf', 'heic'])
    expect(ftypBrands(new Uint8Array(4))).toEqual([])
    expect(ftypBrands(new TextEncoder().encode('%PDF-1.7 not a box at all'))).toEqual([])
  })
})
