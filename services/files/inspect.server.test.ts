import { describe, expect, it } from 'vitest'
import { detectType, stripMetadata } from './inspect.server.ts'
import { heic, jpeg, png, random, webp } from './metadata/test-images.ts'

const text = (s: string) => new TextEncoder().encode(s)

const pdf = text(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n' +
    'trailer << /Root 1 0 R >>\n%%EOF\n',
)

describe('detectType', () => {
  it('goes by the bytes, not the name: a JPEG called bild.png is a JPEG', async () => {
    const upload = { name: 'bild.png', bytes: jpeg() }
    expect(await detectType(upload.bytes)).toEqual({ mime: 'image/jpeg', ext: 'jpg' })
  })

  it.each([
    ['PNG', png(), { mime: 'image/png', ext: 'png' }],
    ['WebP', webp(), { mime: 'image/webp', ext: 'webp' }],
    ['PDF', pdf, { mime: 'application/pdf', ext: 'pdf' }],
  ])('recognises %s', async (_name, bytes, expected) => {
    expect(await detectType(bytes)).toEqual(expected)
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
    const found = await detectType(heic({ brands: [...brands] }).bytes)
    expect(found?.mime).toBe(mime)
  })

  it('returns null for bytes it does not recognise', async () => {
    const next = random(1)
    const noise = Uint8Array.from({ length: 4096 }, () => Math.floor(next() * 256))
    expect(await detectType(noise)).toBeNull()
    expect(await detectType(text('Hej! Det här är bara text.'))).toBeNull()
    expect(await detectType(new Uint8Array(0))).toBeNull()
  })
})

describe('stripMetadata', () => {
  // Factories, not shared arrays: a stripper that wrote into its input would otherwise change the
  // sample for every later test and hide itself.
  const samples: [string, () => Uint8Array][] = [
    ['image/jpeg', () => jpeg()],
    ['image/png', () => png()],
    ['image/webp', () => webp()],
    ['image/heic', () => heic().bytes],
  ]

  it.each(samples)('removes metadata from %s through the one entry point', (mime, make) => {
    const bytes = make()
    const result = stripMetadata(bytes, mime)
    expect(result.removed.length).toBeGreaterThan(0)
    expect(result.bytes).not.toEqual(bytes)
  })

  it.each(samples)('is idempotent for %s: a second pass finds nothing', (mime, make) => {
    const once = stripMetadata(make(), mime).bytes
    const twice = stripMetadata(once, mime)
    expect(twice.removed).toEqual([])
    expect(twice.bytes).toBe(once)
  })

  it.each(samples)('never modifies the caller’s %s bytes, also when they are a Buffer', (mime, make) => {
    const array = make()
    stripMetadata(array, mime)
    expect(array).toEqual(make())
    const buffer = Buffer.from(make())
    stripMetadata(buffer, mime)
    expect(new Uint8Array(buffer)).toEqual(make())
  })

  it('returns PDFs and other types unchanged', () => {
    expect(stripMetadata(pdf, 'application/pdf')).toEqual({ bytes: pdf, removed: [] })
    expect(stripMetadata(pdf, 'application/pdf').bytes).toBe(pdf)
    expect(stripMetadata(jpeg(), 'application/octet-stream').removed).toEqual([])
  })

  it('returns the input unchanged when the bytes are not what the type says', () => {
    const bytes = png()
    const result = stripMetadata(bytes, 'image/jpeg')
    expect(result.bytes).toBe(bytes)
    expect(result.removed).toEqual([])
  })

  it.each(samples)('never throws on truncated or corrupted %s files', (mime, make) => {
    const bytes = make()
    const next = random(mime.length)
    for (let end = 0; end <= bytes.length; end++) {
      const truncated = bytes.subarray(0, end)
      const result = stripMetadata(truncated, mime)
      // Either untouched, or something was removed and the result is no longer than the input.
      if (result.removed.length === 0) expect(result.bytes).toBe(truncated)
      else expect(result.bytes.length).toBeLessThanOrEqual(truncated.length + 34) // + a minimal Exif
    }
    for (let i = 0; i < 2000; i++) {
      const corrupted = bytes.slice()
      for (let flips = 1 + Math.floor(next() * 4); flips > 0; flips--) {
        corrupted[Math.floor(next() * corrupted.length)] = Math.floor(next() * 256)
      }
      expect(() => stripMetadata(corrupted, mime)).not.toThrow()
    }
  })
})
