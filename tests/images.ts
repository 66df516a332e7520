import { readFileSync } from 'node:fs'
import exifr from 'exifr'
import sharp from 'sharp'

/** Where the test photos were "taken": Stockholm City Hall, N 59°19'46.2" E 18°4'7.8". */
export const GPS = { latitude: 59 + 19 / 60 + 46.2 / 3600, longitude: 18 + 4 / 60 + 7.8 / 3600 }

/** The EXIF a phone writes: its make and model, the rotation, and where the photo was taken. */
const PHONE_EXIF = {
  IFD0: { Make: 'Testkamera', Model: 'Telefon 15' },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '59/1 19/1 462/10', GPSLongitudeRef: 'E', GPSLongitude: '18/1 4/1 78/10' },
}

/**
 * A real phone-style photo, encoded by the image library: `width` × `height` stored pixels, with EXIF that
 * says "rotate 90°" (so it stands `height` wide) and holds the GPS position above.
 */
export async function photo(format: 'jpeg' | 'png' | 'webp' = 'jpeg', size = { width: 64, height: 48 }): Promise<Buffer> {
  const image = sharp({ create: { ...size, channels: 3, background: { r: 200, g: 120, b: 40 } } }).withMetadata({ orientation: 6 }).withExif(PHONE_EXIF)
  return format === 'png' ? image.png().toBuffer() : format === 'webp' ? image.webp().toBuffer() : image.jpeg().toBuffer()
}

/**
 * A 64 × 48 HEIC photo with the same EXIF (GPS included), as an iPhone saves it. Made once with libheif's
 * heif-enc from `photo('jpeg')`, since no HEVC encoder is at hand in Node; 868 bytes.
 */
export const heicPhoto = (): Buffer => readFileSync(new URL('./fixtures/photo-with-gps.heic', import.meta.url))

/** The smallest valid PNG: one transparent pixel. */
export const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

/**
 * The GPS position in an image's EXIF, whatever the container (JPEG, PNG, WebP, HEIC): the image library
 * finds the EXIF block, exifr reads it. Undefined when there is none.
 */
export async function gpsIn(bytes: Uint8Array): Promise<{ latitude: number; longitude: number } | undefined> {
  const { exif } = await sharp(bytes).metadata()
  if (!exif) return undefined
  // The block starts "Exif\0\0" before its TIFF header.
  const tiff = exif.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? exif.subarray(6) : exif
  const found = (await exifr.gps(tiff)) as { latitude: number; longitude: number } | undefined
  return found && Number.isFinite(found.latitude) ? found : undefined
}
