import { describe, expect, it } from 'vitest'
import type { FileField } from '#forms/kit/index.ts'
import { gpsIn, heicPhoto, photo } from '#tests/images.ts'
import { SUPPLEMENT_FILES } from '../cases/supplement-files.ts'
import { checkUpload } from './check-upload.server.ts'

/** Like felanmälan's photo field. */
const PHOTOS: FileField = {
  id: 'photos', kind: 'file', optional: true, maxFiles: 3, maxSizeMb: 10,
  accept: ['image/jpeg', 'image/png', 'image/webp', 'image/heic'], label: { sv: 'Foton', en: 'Photos' },
}
const file = (bytes: Uint8Array, name: string, type = 'image/jpeg') => new File([Buffer.from(bytes)], name, { type })

describe('checkUpload: one check for every upload path', () => {
  it('keeps a phone photo without its position, and with it when the citizen chose to share it', async () => {
    const original = await photo('jpeg')
    const plain = await checkUpload(PHOTOS, file(original, 'lampan.jpg'), 'sv')
    if (!plain.ok) throw new Error(plain.error)
    expect(plain.file).toMatchObject({ name: 'lampan.jpg', mime: 'image/jpeg', removed: ['Exif'] })
    expect(await gpsIn(plain.file.bytes)).toBeUndefined()
    const kept = await checkUpload(PHOTOS, file(original, 'lampan.jpg'), 'sv', { keepExif: true })
    if (!kept.ok) throw new Error(kept.error)
    expect(await gpsIn(kept.file.bytes)).toBeDefined()
  })

  it('stores an iPhone photo as JPEG, named so', async () => {
    const result = await checkUpload(SUPPLEMENT_FILES, file(heicPhoto(), 'IMG_0042.HEIC', 'image/heic'), 'sv')
    if (!result.ok) throw new Error(result.error)
    expect(result.file).toMatchObject({ name: 'IMG_0042.jpg', mime: 'image/jpeg' })
    expect(await gpsIn(result.file.bytes)).toBeUndefined()
  })

  it('refuses a file that only looks like a photo, naming it in the visitor’s language', async () => {
    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(3000, 0x41)])
    expect(await checkUpload(PHOTOS, file(fake, 'lampan.jpg'), 'sv'))
      .toEqual({ ok: false, error: 'Filen lampan.jpg går inte att öppna som bild. Den kan vara skadad. Välj en annan bild' })
    expect(await checkUpload(PHOTOS, file(fake, 'lamp.jpg'), 'en'))
      .toEqual({ ok: false, error: 'The file lamp.jpg cannot be opened as a picture. It may be damaged. Choose another picture' })
  })

  it('keeps a PDF byte for byte, and refuses text that calls itself a photo by its type', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')
    const result = await checkUpload(SUPPLEMENT_FILES, file(pdf, 'intyg.pdf', 'application/pdf'), 'sv')
    if (!result.ok) throw new Error(result.error)
    expect(Buffer.from(result.file.bytes).equals(Buffer.from(pdf))).toBe(true)
    expect(result.file.removed).toEqual([])
    const text = await checkUpload(PHOTOS, file(new TextEncoder().encode('det här är ingen bild'), 'bild.jpg'), 'sv')
    expect(text).toEqual({ ok: false, error: 'Filen bild.jpg har fel filtyp. Välj en fil av typen JPEG, PNG, WebP eller HEIC' })
  })
})
