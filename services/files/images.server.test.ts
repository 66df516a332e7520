import { crc32 } from 'node:zlib'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { GPS, gpsIn, heicPhoto, photo, PNG_1PX } from '#tests/images.ts'
import { cleanImage } from './images.server.ts'

const MIME = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' } as const

/** A PNG that claims `width` × `height` pixels in its header, with one pixel of data: a decompression bomb. */
function pixelBomb(width: number, height: number): Buffer {
  const png = Buffer.from(PNG_1PX)
  png.writeUInt32BE(width, 16)
  png.writeUInt32BE(height, 20)
  png.writeUInt32BE(crc32(png.subarray(12, 29)) >>> 0, 29)
  return png
}

describe('cleanImage: uploaded photos are decoded and encoded again', () => {
  it.each(['jpeg', 'png', 'webp'] as const)('a %s phone photo loses its GPS position and camera data, and stands upright', async (format) => {
    const original = await photo(format)
    expect(await gpsIn(original)).toMatchObject({ latitude: expect.closeTo(GPS.latitude, 4) })
    const clean = await cleanImage(original, MIME[format])
    if (!clean.ok) throw new Error(clean.reason)
    expect(clean.mime).toBe(MIME[format])
    expect(clean.removed).toContain('Exif')
    expect(await gpsIn(clean.bytes)).toBeUndefined()
    expect(Buffer.from(clean.bytes).includes('Testkamera')).toBe(false)
    // Taken 64 × 48 with "rotate 90°": stored 48 wide and 64 high, with no rotation left to apply.
    const meta = await sharp(clean.bytes).metadata()
    expect([meta.width, meta.height, meta.orientation ?? 1]).toEqual([48, 64, 1])
  })

  it('keeps the EXIF, position included, when the citizen chose to share where the photo was taken', async () => {
    const clean = await cleanImage(await photo('jpeg'), 'image/jpeg', { keepExif: true })
    if (!clean.ok) throw new Error(clean.reason)
    expect(clean.removed).toEqual([])
    expect(await gpsIn(clean.bytes)).toMatchObject({ latitude: expect.closeTo(GPS.latitude, 4), longitude: expect.closeTo(GPS.longitude, 4) })
  })

  it('turns an iPhone HEIC photo into a JPEG every browser shows, without its position', async () => {
    const original = heicPhoto()
    expect(await gpsIn(original)).toBeDefined()
    const clean = await cleanImage(original, 'image/heic')
    if (!clean.ok) throw new Error(clean.reason)
    expect([clean.mime, clean.ext]).toEqual(['image/jpeg', 'jpg'])
    expect(clean.removed).toContain('Exif')
    expect(await gpsIn(clean.bytes)).toBeUndefined()
    const meta = await sharp(clean.bytes).metadata()
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 64, 48])
  })

  it('refuses random bytes behind a JPEG header, and a truncated photo', async () => {
    const noise = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256))])
    expect(await cleanImage(noise, 'image/jpeg')).toEqual({ ok: false, reason: 'unreadable' })
    const whole = await photo('jpeg', { width: 400, height: 300 })
    expect(await cleanImage(whole.subarray(0, Math.floor(whole.length * 0.6)), 'image/jpeg')).toEqual({ ok: false, reason: 'unreadable' })
    const heic = heicPhoto()
    expect(await cleanImage(heic.subarray(0, heic.length - 200), 'image/heic')).toEqual({ ok: false, reason: 'unreadable' })
  })

  it('refuses a decompression bomb by the pixels it claims, before decoding them', async () => {
    expect(await cleanImage(pixelBomb(60_000, 60_000), 'image/png')).toEqual({ ok: false, reason: 'too-many-pixels' })
  })
})
