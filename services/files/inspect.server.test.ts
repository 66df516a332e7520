import { describe, expect, it } from 'vitest'
import { heicPhoto, photo } from '#tests/images.ts'
import { detectType, ftypBrands } from './inspect.server.ts'

const text = (s: string) => new TextEncoder().encode(s)

const pdf = text(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n' +
    'trailer << /Root 1 0 R >>\n%%EOF\n',
)

/** The start of an ISO-BMFF file: an `ftyp` box with these brands (major first, then the compatible ones), and padding. */
function ftyp(brands: string[]): Uint8Array {
  const [major, ...compatible] = brands
  const box = text(`....ftyp${major}\0\0\0\0${compatible.join('')}`)
  new DataView(box.buffer).setUint32(0, box.length)
  const file = new Uint8Array(box.length + 64)
  file.set(box)
  return file
}

describe('detectType', () => {
  it('goes by the bytes, not the name: a JPEG called bild.png is a JPEG', async () => {
    const upload = { name: 'bild.png', bytes: await photo('jpeg') }
    expect(await detectType(upload.bytes)).toEqual({ mime: 'image/jpeg', ext: 'jpg' })
  })

  it.each([
    ['PNG', () => photo('png'), { mime: 'image/png', ext: 'png' }],
    ['WebP', () => photo('webp'), { mime: 'image/webp', ext: 'webp' }],
    ['HEIC', async () => heicPhoto(), { mime: 'image/heic', ext: 'heic' }],
    ['PDF', async () => pdf, { mime: 'application/pdf', ext: 'pdf' }],
  ])('recognises %s', async (_name, make, expected) => {
    expect(await detectType(await make())).toEqual(expected)
  })

  it.each([
    ['heic', ['heic', 'mif1', 'heic'], 'image/heic'],
    ['heix', ['heix', 'mif1', 'heix'], 'image/heic'],
    // file-type calls these image/heif by their major brand; the compatible brands say HEVC, i.e. HEIC.
    ['mif1 + heic', ['mif1', 'mif1', 'heic'], 'image/heic'],
    ['mif1 + heim', ['mif1', 'miaf', 'heim'], 'image/heic'],
    ['mif1 + avif', ['mif1', 'miaf', 'avif'], 'image/avif'],
    ['mif1 alone', ['mif1', 'mif1'], 'image/heif'],
    ['hevc (image sequence)', ['hevc', 'msf1', 'hevc'], 'image/heic-sequence'],
  ] as const)('tells HEIC apart by the ftyp brands: %s', async (_name, brands, mime) => {
    expect(ftypBrands(ftyp([...brands]))).toEqual(brands)
    expect((await detectType(ftyp([...brands])))?.mime).toBe(mime)
  })

  it('returns null for bytes it does not recognise', async () => {
    const noise = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251)
    expect(await detectType(noise)).toBeNull()
    expect(await detectType(text('Hej! Det här är bara text.'))).toBeNull()
    expect(await detectType(new Uint8Array(0))).toBeNull()
    expect(ftypBrands(text('not a box'))).toEqual([])
  })
})
