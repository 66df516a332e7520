import { describe, expect, it } from 'vitest'
import { safeFileName } from './file-name.ts'

describe('safeFileName', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\x\\bild.jpg', 'bild.jpg'],
    ['/home/anna/Bilder/IMG_0042.HEIC', 'IMG_0042.HEIC'],
    ['mapp\\..\\..\\hemlig.pdf', 'hemlig.pdf'],
    ['Trasig gatlykta, Storgatan.jpg', 'Trasig gatlykta, Storgatan.jpg'],
  ])('keeps only the last path part: %s', (name, expected) => {
    expect(safeFileName(name)).toBe(expected)
  })

  it('removes control characters and turns line breaks and tabs into spaces', () => {
    expect(safeFileName('a\u0000b\u001bc\u007f\u0085.pdf')).toBe('abc.pdf')
    expect(safeFileName('rad 1\r\nrad 2\t.pdf')).toBe('rad 1 rad 2 .pdf')
    expect(safeFileName('  många    mellanslag\u00a0\u00a0här.png  ')).toBe('många mellanslag här.png')
  })

  it('removes characters that break a Content-Disposition header or a Windows file name', () => {
    expect(safeFileName('rapport "slutlig".pdf')).toBe('rapport slutlig.pdf')
    expect(safeFileName('a<b>c:d*e?f|g.txt')).toBe('abcdefg.txt')
    expect(safeFileName('x"; filename="evil.exe')).toBe('x; filename=evil.exe')
  })

  it('removes bidi overrides that disguise the extension, and lone surrogates', () => {
    expect(safeFileName('foto\u202egpj.exe')).toBe('fotogpj.exe')
    expect(safeFileName('a\ud800b.jpg')).toBe('ab.jpg')
    expect(safeFileName('👩‍👧.jpg')).toBe('👩‍👧.jpg') // the zero-width joiner stays
  })

  it('composes decomposed letters as macOS sends them', () => {
    expect(safeFileName('Sa\u030Angen.jpg')).toBe('Sången.jpg')
  })

  it('never returns a hidden file, "." or ".."', () => {
    expect(safeFileName('.htaccess')).toBe('htaccess')
    expect(safeFileName('..')).toBe('fil')
    expect(safeFileName('bild.jpg...')).toBe('bild.jpg')
  })

  it.each(['', '   ', '\u0000\u0001', 'mapp/', '"""', '\u202e'])('falls back to "fil" for %j', (name) => {
    expect(safeFileName(name)).toBe('fil')
  })

  it('caps long names at 120 characters and keeps the extension', () => {
    const name = safeFileName(`${'a'.repeat(300)}.jpeg`)
    expect(name).toHaveLength(120)
    expect(name).toBe(`${'a'.repeat(115)}.jpeg`)
  })

  it('counts characters, not UTF-16 units, and never cuts a surrogate pair in half', () => {
    const name = safeFileName(`${'😀'.repeat(200)}.png`)
    expect(Array.from(name)).toHaveLength(120)
    expect(name.endsWith('.png')).toBe(true)
    expect(name).toBe(name.normalize()) // still well-formed
    expect(() => encodeURIComponent(name)).not.toThrow()
    expect(Array.from(safeFileName('å'.repeat(500)))).toHaveLength(120)
  })

  it('cuts a long name without a real extension like any other text', () => {
    const name = safeFileName(`rapport.${'x'.repeat(200)}`)
    expect(name).toBe(`rapport.${'x'.repeat(112)}`)
  })
})
