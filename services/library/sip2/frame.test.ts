import { describe, expect, it } from 'vitest'
import { Sip2EncodeError, Sip2ParseError } from './errors.ts'
import { checksum, decodeFrame, encodeFrame, fieldValue, fieldValues, messageText, splitFrames, type Sip2Message } from './frame.ts'

const latin1 = (text: string) => Buffer.from(text, 'latin1')

function parseError(run: () => unknown): Sip2ParseError {
  try {
    run()
  } catch (error) {
    if (error instanceof Sip2ParseError) return error
    throw error
  }
  throw new Error('expected a Sip2ParseError')
}

describe('checksum', () => {
  // docs/sip2.md §1: vectors from the SIP2 spec and real servers, independently recomputed.
  it.each([
    ['990 402.00AY1AZ', 'FCB4'],
    ['6300119980723    091905Y         AOInstitutionID|AAPatronID|BP00001|BQ00005|AY1AZ', 'EA83'],
    ['09N20160419    12200820160419    122008APReading Room 1|AO830|AB830$28170815|AC|AY2AZ', 'EB80'],
    [
      '98YYYYNN01000320130808    1509002.00AOst|AMSt. Albert Public Library|BXYYYYYYYYYYYYYYYY|ANUnassigned|VNSIP 2.00.106 SirsiDynix Inc. 7.5.074.40|AY1AZ',
      'D3FA',
    ],
    ['9300CNkiosk01|COs3cret|CPBIB1|AY1AZ', 'F4D0'],
    ['941AY1AZ', 'FDFC'],
    ['96AZ', 'FEF6'],
    // The spec prints EC78 for this one; the typesetting lost something, EC7B is what the bytes sum to.
    ['9300CNLoginUserID|COLoginPassword|CPLocationCode|AY5AZ', 'EC7B'],
  ])('%s → %s', (input, expected) => {
    expect(checksum(latin1(input))).toBe(expected)
  })

  it('depends on the character set: å ä ö are one byte in Latin-1 and two in UTF-8', () => {
    const text = 'AEÖberg, Åsa|AY3AZ'
    const sumLatin1 = parseInt(checksum(Buffer.from(text, 'latin1')), 16)
    const sumUtf8 = parseInt(checksum(Buffer.from(text, 'utf8')), 16)
    // Ö and Å each add 131 to the byte sum in UTF-8 (C3 96 vs D6, C3 85 vs C5).
    expect((sumLatin1 - sumUtf8) & 0xffff).toBe(262)
  })
})

describe('encodeFrame', () => {
  const login: Sip2Message = {
    code: '93',
    fixed: '00',
    fields: [
      { tag: 'CN', value: 'kiosk01' },
      { tag: 'CO', value: 's3cret' },
      { tag: 'CP', value: 'BIB1' },
    ],
  }

  it('produces the documented login message with sequence and checksum', () => {
    expect(encodeFrame(login, { errorDetection: true, sequence: 1 }).toString('latin1')).toBe('9300CNkiosk01|COs3cret|CPBIB1|AY1AZF4D0\r')
  })

  it('leaves out AY/AZ without error detection and can end with CRLF', () => {
    expect(encodeFrame(login, { terminator: '\r\n' }).toString('latin1')).toBe('9300CNkiosk01|COs3cret|CPBIB1|\r\n')
  })

  it('computes the checksum over the encoded bytes', () => {
    const message: Sip2Message = { code: '94', fixed: '1', fields: [{ tag: 'AF', value: 'Välkommen' }] }
    for (const encoding of ['utf8', 'latin1', 'cp850'] as const) {
      const frame = encodeFrame(message, { encoding, errorDetection: true, sequence: 0 })
      const body = frame.subarray(0, frame.length - 5)
      expect(checksum(body)).toBe(frame.subarray(frame.length - 5, frame.length - 1).toString('ascii'))
      expect(decodeFrame(frame, { encoding }).message).toEqual(message)
    }
  })

  it.each([
    ['a | in a value', { tag: 'AD', value: '12|4' }],
    ['a CR in a value', { tag: 'AD', value: '12\r4' }],
    ['an LF in a value', { tag: 'AA', value: '12\n4' }],
    ['a lower-case tag', { tag: 'ad', value: '1234' }],
    ['a one-letter tag', { tag: 'A', value: '1234' }],
    ['AZ as a field', { tag: 'AZ', value: '1234' }],
  ])('rejects %s', (_, field) => {
    expect(() => messageText({ code: '63', fixed: ' '.repeat(31), fields: [field] })).toThrow(Sip2EncodeError)
  })

  it('does not put the rejected value in the error message (it may be a PIN)', () => {
    expect(() => messageText({ code: '93', fixed: '00', fields: [{ tag: 'CO', value: 'hemligt|lösen' }] })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('hemligt') }),
    )
  })

  it('rejects a fixed part of the wrong length, which would shift every field after it', () => {
    expect(() => messageText({ code: '93', fixed: '0', fields: [] })).toThrow(Sip2EncodeError)
    expect(() => messageText({ code: '3', fixed: '', fields: [] })).toThrow(Sip2EncodeError)
  })

  it('rejects a sequence number outside 0–9', () => {
    expect(() => encodeFrame({ code: '97', fixed: '', fields: [] }, { errorDetection: true, sequence: 10 })).toThrow(Sip2EncodeError)
  })
})

describe('decodeFrame', () => {
  it('parses fields by tag, keeps repeats, and reads the trailer', () => {
    const decoded = decodeFrame(latin1('941AY1AZFDFC\r'))
    expect(decoded).toEqual({ message: { code: '94', fixed: '1', fields: [] }, sequence: 1, checksum: 'FDFC' })

    const sirsi = decodeFrame(
      latin1(
        '98YYYYNN01000320130808    1509002.00AOst|AMSt. Albert Public Library|BXYYYYYYYYYYYYYYYY|ANUnassigned|VNSIP 2.00.106 SirsiDynix Inc. 7.5.074.40|AY1AZD3FA',
      ),
    )
    expect(sirsi.message.fixed).toBe('YYYYNN01000320130808    1509002.00')
    expect(fieldValue(sirsi.message, 'AM')).toBe('St. Albert Public Library')
    expect(fieldValue(sirsi.message, 'VN')).toBe('SIP 2.00.106 SirsiDynix Inc. 7.5.074.40')
    expect(sirsi.sequence).toBe(1)
  })

  it('rejects a wrong checksum', () => {
    expect(parseError(() => decodeFrame(latin1('941AY1AZFDFD'))).failure).toBe('checksum')
    // The spec's misprinted example.
    expect(parseError(() => decodeFrame(latin1('9300CNLoginUserID|COLoginPassword|CPLocationCode|AY5AZEC78'))).failure).toBe('checksum')
  })

  it('rejects a message altered in transit even though the checksum itself is well-formed', () => {
    expect(parseError(() => decodeFrame(latin1('940AY1AZFDFC'))).failure).toBe('checksum')
  })

  it('accepts a lower-case checksum and messages without AY/AZ', () => {
    expect(decodeFrame(latin1('941AY1AZfdfc')).message.fixed).toBe('1')
    expect(decodeFrame(latin1('941\r\n'))).toEqual({ message: { code: '94', fixed: '1', fields: [] } })
  })

  it('reads AY without AZ and a final field whose | was left off', () => {
    const decoded = decodeFrame(latin1('24              00020250314    101500AOBIB|AA123|AEÅsa|BLYAY4'))
    expect(decoded.sequence).toBe(4)
    expect(fieldValue(decoded.message, 'BL')).toBe('Y')
  })

  it('keeps empty values and repeated fields', () => {
    const { message } = decodeFrame(latin1('24YYYY          00020250314    101500AE|AA29|BLN|AFInvalid cardnumber|AFsecond|AOBIB|'))
    expect(fieldValue(message, 'AE')).toBe('')
    expect(fieldValues(message, 'AF')).toEqual(['Invalid cardnumber', 'second'])
  })

  it.each([
    ['an empty message', ''],
    ['a message without a numeric code', 'XX1AY1'],
    ['a short fixed part', '24      000'],
    ['a | inside the fixed part', '94|'],
    ['a field with a one-character tag', '941A|'],
    ['a field with a lower-case tag', '941ok|'],
    ['HTML', '<html><body>Bad gateway</body></html>'],
  ])('rejects %s as malformed', (_, text) => {
    expect(parseError(() => decodeFrame(latin1(text))).failure).toBe('malformed')
  })

  it('rejects message types it has no layout for', () => {
    expect(parseError(() => decodeFrame(latin1('1200020250314    101500'))).failure).toBe('unsupported-message')
  })
})

describe('splitFrames', () => {
  it('splits at CR, drops the LF of CRLF even in a later read, and keeps the unfinished rest', () => {
    const first = splitFrames(latin1('941AY1AZFDFC\r\n98YYYY\r'))
    expect(first.frames.map(String)).toEqual(['941AY1AZFDFC', '98YYYY'])
    expect(first.rest.length).toBe(0)

    const second = splitFrames(latin1('941\r'))
    expect(second.frames.map(String)).toEqual(['941'])
    const third = splitFrames(Buffer.concat([second.rest, latin1('\n2400')]))
    expect(third.frames).toEqual([])
    expect(third.rest.toString()).toBe('2400')
  })
})
