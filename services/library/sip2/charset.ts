import { Sip2EncodeError } from './errors.ts'

/**
 * The character set is a per-server setting (Koha: per SIP account; FOLIO edge-sip2: IBM850 by default), and the
 * checksum is computed over the encoded bytes, so client and server must agree on it.
 * - `utf8`: decoding falls back to Latin-1 when the bytes are not valid UTF-8, so that å ä ö from a server that
 *   is really Latin-1 still come out right instead of as U+FFFD.
 * - `latin1`: ISO-8859-1.
 * - `cp850`: IBM code page 850 (DOS Latin-1).
 */
export type Sip2Encoding = 'utf8' | 'latin1' | 'cp850'

export const SIP2_ENCODINGS: readonly Sip2Encoding[] = ['utf8', 'latin1', 'cp850']

// Upper half of code page 850 (0x80–0xFF); the lower half is ASCII. Escaped so that the soft hyphen and no-break
// space stay visible in review.
const CP850_HIGH =
  '\u00c7\u00fc\u00e9\u00e2\u00e4\u00e0\u00e5\u00e7\u00ea\u00eb\u00e8\u00ef\u00ee\u00ec\u00c4\u00c5' +
  '\u00c9\u00e6\u00c6\u00f4\u00f6\u00f2\u00fb\u00f9\u00ff\u00d6\u00dc\u00f8\u00a3\u00d8\u00d7\u0192' +
  '\u00e1\u00ed\u00f3\u00fa\u00f1\u00d1\u00aa\u00ba\u00bf\u00ae\u00ac\u00bd\u00bc\u00a1\u00ab\u00bb' +
  '\u2591\u2592\u2593\u2502\u2524\u00c1\u00c2\u00c0\u00a9\u2563\u2551\u2557\u255d\u00a2\u00a5\u2510' +
  '\u2514\u2534\u252c\u251c\u2500\u253c\u00e3\u00c3\u255a\u2554\u2569\u2566\u2560\u2550\u256c\u00a4' +
  '\u00f0\u00d0\u00ca\u00cb\u00c8\u0131\u00cd\u00ce\u00cf\u2518\u250c\u2588\u2584\u00a6\u00cc\u2580' +
  '\u00d3\u00df\u00d4\u00d2\u00f5\u00d5\u00b5\u00fe\u00de\u00da\u00db\u00d9\u00fd\u00dd\u00af\u00b4' +
  '\u00ad\u00b1\u2017\u00be\u00b6\u00a7\u00f7\u00b8\u00b0\u00a8\u00b7\u00b9\u00b3\u00b2\u25a0\u00a0'

const CP850_ENCODE = new Map<string, number>([...CP850_HIGH].map((char, index) => [char, 0x80 + index]))

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

export function encodeText(text: string, encoding: Sip2Encoding): Buffer {
  switch (encoding) {
    case 'utf8':
      if (/\p{Surrogate}/u.test(text)) throw new Sip2EncodeError('Text contains a lone surrogate')
      return Buffer.from(text, 'utf8')
    case 'latin1':
      // Buffer silently truncates code points above U+00FF; refuse instead of sending a different name or PIN.
      if ([...text].some((char) => (char.codePointAt(0) ?? 0) > 0xff)) throw new Sip2EncodeError('Text cannot be represented in ISO-8859-1')
      return Buffer.from(text, 'latin1')
    case 'cp850':
      return Buffer.from(
        [...text].map((char) => {
          const code = char.codePointAt(0) ?? 0
          if (code < 0x80) return code
          const byte = CP850_ENCODE.get(char)
          if (byte === undefined) throw new Sip2EncodeError('Text cannot be represented in code page 850')
          return byte
        }),
      )
  }
}

export function decodeText(bytes: Uint8Array, encoding: Sip2Encoding): string {
  switch (encoding) {
    case 'utf8':
      try {
        return strictUtf8.decode(bytes)
      } catch {
        return Buffer.from(bytes).toString('latin1')
      }
    case 'latin1':
      return Buffer.from(bytes).toString('latin1')
    case 'cp850':
      return Array.from(bytes, (byte) => (byte < 0x80 ? String.fromCharCode(byte) : (CP850_HIGH[byte - 0x80] ?? ''))).join('')
  }
}
