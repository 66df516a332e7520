import { describe, expect, it } from 'vitest'
import { canonicalJson, contentHash } from './content-hash.server.ts'

describe('the signed content hash is over RFC 8785 canonical JSON', () => {
  it('gives the RFC’s own example output (RFC 8785 §3.2.2)', () => {
    const input = JSON.parse(
      '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],' +
      '"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}',
    ) as unknown
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    )
  })

  it('sorts keys by UTF-16 code units, as the RFC says (§3.2.3)', () => {
    const input = { '\u20ac': 'Euro Sign', '\r': 'Carriage Return', '\ufb33': 'Hebrew Letter Dalet With Dagesh', '1': 'One', '\ud83d\ude00': 'Emoji: Grinning Face', '\u0080': 'Control', '\u00f6': 'Latin Small Letter O With Diaeresis' }
    const order = ['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33'] as const
    expect(canonicalJson(input)).toBe(`{${order.map((k) => `${JSON.stringify(k)}:${JSON.stringify(input[k])}`).join(',')}}`)
  })

  it('refuses what cannot be signed the same way twice', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow()
    expect(() => canonicalJson({ a: Number.POSITIVE_INFINITY })).toThrow()
  })

  it('keeps the hash of content signed before the switch to the library (format v1 unchanged)', () => {
    const content = {
      formId: 'trygghetslarm', formVersion: 3, signer: '198606129933',
      answers: { name: 'Johan Testsson', contacts: [{ name: 'Åsa', phone: '+46701234567' }], keys: 'keys', age: 70 },
      attachments: [{ id: 'b', fieldId: 'poa', name: 'fullmakt.pdf', sha256: 'ab' }, { id: 'a', fieldId: 'poa', name: 'x.pdf', sha256: 'cd' }],
    }
    // Computed with the hand-written canonical form the portal used before: sorted keys, JSON.stringify values.
    expect(contentHash(content)).toBe(EARLIER_HASH)
  })
})

const EARLIER_HASH = '840a471a983f57b67910350ddfac0a40799516ca2e3c265c3c3e71194c0c38df'
