import exifr from 'exifr'
import { describe, expect, it } from 'vitest'
import { concat, MalformedError } from './bytes.ts'
import { orientationOnlyApp1 } from './exif.ts'
import { stripJpeg } from './jpeg.ts'
import { exifTiff, GPS, indexOf, jpeg, jpegParts, XMP_PACKET } from './test-images.ts'

const text = (s: string) => new TextEncoder().encode(s)

describe('stripJpeg', () => {
  it('removes the GPS position that exifr reads from the original', async () => {
    const original = jpeg()
    const gps = await exifr.gps(original)
    expect(gps.latitude).toBeCloseTo(GPS.latitude, 6)
    expect(gps.longitude).toBeCloseTo(GPS.longitude, 6)

    const { bytes, removed } = stripJpeg(original)
    expect(await exifr.gps(bytes)).toBeUndefined()
    expect(removed).toEqual(['Exif', 'XMP', 'IPTC'])
    expect(indexOf(bytes, exifTiff())).toBe(-1)
    expect(indexOf(bytes, XMP_PACKET)).toBe(-1)
    expect(indexOf(bytes, text('Testkamera'))).toBe(-1)
    expect(indexOf(bytes, text('Photoshop'))).toBe(-1)
  })

  it('cuts out only the metadata segments: everything else is byte-identical, image data included', () => {
    const p = jpegParts(6)
    const { bytes } = stripJpeg(jpeg(p))
    const imageData = concat([p.dqt, p.sof, p.dri, p.dhtDc, p.dhtAc, p.sos, p.scan, p.eoi])
    expect(bytes).toEqual(concat([p.soi, p.jfif, orientationOnlyApp1(6), p.icc, p.comment, imageData]))
    expect(bytes.subarray(bytes.length - imageData.length)).toEqual(imageData)
  })

  it('keeps the orientation in a minimal Exif so photos are not shown sideways', async () => {
    const { bytes } = stripJpeg(jpeg(jpegParts(8)))
    expect(await exifr.orientation(bytes)).toBe(8)
    expect(await exifr.parse(bytes)).toEqual({ Orientation: 'Rotate 270 CW' }) // nothing else survives
  })

  it('writes no Exif at all when the orientation is the default', () => {
    const p = jpegParts(1)
    const { bytes, removed } = stripJpeg(jpeg(p))
    expect(removed).toContain('Exif')
    expect(indexOf(bytes, text('Exif'))).toBe(-1)
    expect(bytes.subarray(0, 2 + p.jfif.length)).toEqual(concat([p.soi, p.jfif]))
  })

  it('drops images appended after EOI and the MPF index that points at them', async () => {
    const p = jpegParts()
    const mpf = Uint8Array.from([0xff, 0xe2, 0x00, 0x08, ...text('MPF\0'), 0x49, 0x49])
    const appended = jpeg() // a "preview" with its own Exif and GPS, as phones append them
    const withTrailer = concat([p.soi, p.jfif, mpf, p.dqt, p.sof, p.dri, p.dhtDc, p.dhtAc, p.sos, p.scan, p.eoi, appended])
    expect(indexOf(withTrailer, exifTiff())).toBeGreaterThan(0)

    const { bytes, removed } = stripJpeg(withTrailer)
    expect(removed).toEqual(['MPF', 'trailer'])
    expect(bytes).toEqual(concat([p.soi, p.jfif, p.dqt, p.sof, p.dri, p.dhtDc, p.dhtAc, p.sos, p.scan, p.eoi]))
  })

  it('finds metadata segments after the image data, not only before it', () => {
    const p = jpegParts()
    const lateExif = p.exif
    const file = concat([p.soi, p.dqt, p.sof, p.dri, p.dhtDc, p.dhtAc, p.sos, p.scan, lateExif, p.eoi])
    const { bytes, removed } = stripJpeg(file)
    expect(removed).toEqual(['Exif'])
    expect(indexOf(bytes, exifTiff())).toBe(-1)
    expect(indexOf(bytes, concat([p.sos, p.scan]))).toBeGreaterThan(0)
  })

  it('treats stuffed 0xFF 0x00 and restart markers as image data', () => {
    const p = jpegParts()
    // A scan whose data also contains 0xFF fill bytes before EOI.
    const scan = Uint8Array.from([0x02, 0xff, 0x00, 0x7f, 0xff, 0xd0, 0x3f, 0xff, 0xff])
    const file = concat([p.soi, p.exif, p.dqt, p.sof, p.dri, p.dhtDc, p.dhtAc, p.sos, scan, p.eoi])
    const { bytes } = stripJpeg(file)
    expect(bytes.subarray(bytes.length - scan.length - 2)).toEqual(concat([scan, p.eoi]))
  })

  it('strips a truncated upload that ends inside the image data', () => {
    const full = jpeg()
    const truncated = full.subarray(0, full.length - 4)
    const { bytes, removed } = stripJpeg(truncated)
    expect(removed).toEqual(['Exif', 'XMP', 'IPTC'])
    expect(bytes.subarray(bytes.length - 3)).toEqual(truncated.subarray(truncated.length - 3))
  })

  it('returns the very same bytes when there is nothing to remove', () => {
    const p = jpegParts()
    const clean = concat([p.soi, p.jfif, p.dqt, p.sof, p.dri, p.dhtDc, p.dhtAc, p.sos, p.scan, p.eoi])
    const result = stripJpeg(clean)
    expect(result.bytes).toBe(clean)
    expect(result.removed).toEqual([])
  })

  it('refuses a segment whose length runs past the end', () => {
    const p = jpegParts()
    const broken = concat([p.soi, Uint8Array.from([0xff, 0xe1, 0xff, 0xff]), p.exif.subarray(4)])
    expect(() => stripJpeg(broken)).toThrow(MalformedError)
    expect(() => stripJpeg(text('not a jpeg'))).toThrow(MalformedError)
  })
})
