import { describe, expect, it } from 'vitest'
import { decodeText, encodeText } from './charset.ts'
import { Sip2EncodeError } from './errors.ts'

const hex = (bytes: Buffer) => bytes.toString('hex')

describe('character sets', () => {
  it('encodes å ä ö Å Ä Ö per character set', () => {
    expect(hex(encodeText('åäöÅÄÖ', 'latin1'))).toBe('e5e4f6c5c4d6')
    expect(hex(encodeText('åäöÅÄÖ', 'utf8'))).toBe('c3a5c3a4c3b6c385c384c396')
    expect(hex(encodeText('åäöÅÄÖ', 'cp850'))).toBe('8684948f8e99')
  })

  it.each(['utf8', 'latin1', 'cp850'] as const)('round-trips Swedish text in %s', (encoding) => {
    const text = 'Åström, Märta; Öberg, Åsa; é ü ß 0-9'
    expect(decodeText(encodeText(text, encoding), encoding)).toBe(text)
  })

  it('decodes every byte of code page 850 and encodes it back', () => {
    const all = Buffer.from(Array.from({ length: 256 }, (_, byte) => byte))
    const text = decodeText(all, 'cp850')
    expect(text).toHaveLength(256)
    expect(hex(encodeText(text, 'cp850'))).toBe(hex(all))
  })

  it('falls back to Latin-1 when a "UTF-8" server sends Latin-1 bytes', () => {
    expect(decodeText(Buffer.from('Åström', 'latin1'), 'utf8')).toBe('Åström')
    expect(decodeText(Buffer.from('Åström', 'utf8'), 'utf8')).toBe('Åström')
  })

  it('refuses characters the character set cannot carry instead of sending something else', () => {
    expect(() => encodeText('100 €', 'latin1')).toThrow(Sip2EncodeError)
    expect(() => encodeText('100 €', 'cp850')).toThrow(Sip2EncodeError)
    expect(() => encodeText('\ud800', 'utf8')).toThrow(Sip2EncodeError)
    expect(hex(encodeText('100 €', 'utf8'))).toBe('31303020e282ac')
  })
})
