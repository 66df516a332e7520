import { describe, expect, it } from 'vitest'
import type { Sip2Encoding } from './charset.ts'
import { Sip2EncodeError, Sip2ParseError } from './errors.ts'
import { decodeFrame, encodeFrame, type Sip2Message } from './frame.ts'
import {
  buildPatronInformationRequest,
  buildPatronInformationResponse,
  buildPatronStatusRequest,
  buildPatronStatusResponse,
  readPatronInformationRequest,
  readPatronInformationResponse,
  readPatronStatusRequest,
  readPatronStatusResponse,
  type PatronInformationResponse,
} from './patron-messages.ts'
import { activeFlags, patronStatusOf } from './patron-status.ts'
import {
  buildAcsStatus,
  buildLoginRequest,
  buildLoginResponse,
  buildRequestAcsResend,
  buildScStatus,
  readAcsStatus,
  readLoginRequest,
  readLoginResponse,
  readScStatus,
  type AcsStatus,
} from './session-messages.ts'

const wire = (message: Sip2Message, sequence: number) => encodeFrame(message, { errorDetection: true, sequence }).toString('latin1')
const parse = (text: string, encoding: Sip2Encoding = 'latin1') => decodeFrame(Buffer.from(text, 'latin1'), { encoding }).message
const roundTrip = (message: Sip2Message, encoding: Sip2Encoding = 'utf8') =>
  decodeFrame(encodeFrame(message, { encoding, errorDetection: true, sequence: 7 }), { encoding }).message

describe('93/94 login', () => {
  it('encodes the documented login', () => {
    expect(wire(buildLoginRequest({ userId: 'kiosk01', password: 's3cret', locationCode: 'BIB1' }), 1)).toBe(
      '9300CNkiosk01|COs3cret|CPBIB1|AY1AZF4D0\r',
    )
  })

  it('leaves CP out when there is no location code', () => {
    expect(wire(buildLoginRequest({ userId: 'u', password: 'p' }), 0)).toMatch(/^9300CNu\|COp\|AY0AZ[0-9A-F]{4}\r$/)
  })

  it('reads a login response', () => {
    expect(readLoginResponse(parse('941AY1AZFDFC'))).toEqual({ ok: true })
    expect(readLoginResponse(parse('940'))).toEqual({ ok: false })
  })

  it('refuses a login response that is neither 0 nor 1, and a response of the wrong type', () => {
    expect(() => readLoginResponse(parse('94Y'))).toThrow(Sip2ParseError)
    expect(() => readLoginResponse(parse('990 402.00'))).toThrow(/Expected message 94, got 99/)
  })

  it('round-trips', () => {
    const request = { uidAlgorithm: '0', pwdAlgorithm: '0', userId: 'kiosk', password: 'lösen', locationCode: 'Strand' }
    expect(readLoginRequest(roundTrip(buildLoginRequest(request)))).toEqual(request)
    expect(readLoginResponse(roundTrip(buildLoginResponse({ ok: false })))).toEqual({ ok: false })
  })

  it('refuses a terminal password containing |', () => {
    expect(() => encodeFrame(buildLoginRequest({ userId: 'kiosk', password: 'a|b' }))).toThrow(Sip2EncodeError)
  })
})

describe('99/98 status', () => {
  it('encodes the SC status Libki sends', () => {
    expect(encodeFrame(buildScStatus({ statusCode: '0', maxPrintWidth: 30, protocolVersion: '2.00' })).toString()).toBe('9900302.00\r')
  })

  it('reads the spec example, whose print width is blank-padded', () => {
    expect(readScStatus(parse('990 402.00AY1AZFCB4'))).toEqual({ statusCode: '0', maxPrintWidth: 40, protocolVersion: '2.00' })
  })

  it('reads a real SirsiDynix ACS status', () => {
    const acs = readAcsStatus(
      parse(
        '98YYYYNN01000320130808    1509002.00AOst|AMSt. Albert Public Library|BXYYYYYYYYYYYYYYYY|ANUnassigned|VNSIP 2.00.106 SirsiDynix Inc. 7.5.074.40|AY1AZD3FA',
      ),
    )
    expect(acs).toMatchObject({
      online: true,
      checkinOk: true,
      checkoutOk: true,
      renewalPolicy: true,
      statusUpdateOk: false,
      offlineOk: false,
      timeoutPeriod: 10,
      retriesAllowed: 3,
      dateTimeSync: '20130808    150900',
      protocolVersion: '2.00',
      institutionId: 'st',
      libraryName: 'St. Albert Public Library',
      terminalLocation: 'Unassigned',
    })
    expect(acs.supportedMessages?.size).toBe(16)
  })

  it('tells which messages BX supports, and that BX is missing', () => {
    const acs = readAcsStatus(parse('98YNNNNN01000320130808    1509002.00AOx|BXNNNNYNYYNNNNNNNN|'))
    expect([...(acs.supportedMessages ?? [])]).toEqual(['scAcsStatus', 'login', 'patronInformation'])
    expect(readAcsStatus(parse('98NNNNNN01000320130808    1509001.00AOx|')).supportedMessages).toBeUndefined()
  })

  it('round-trips', () => {
    const status: AcsStatus = {
      online: true,
      checkinOk: false,
      checkoutOk: false,
      renewalPolicy: false,
      statusUpdateOk: false,
      offlineOk: false,
      timeoutPeriod: 30,
      retriesAllowed: 3,
      dateTimeSync: '20250314    101500',
      protocolVersion: '2.00',
      institutionId: 'BIB',
      libraryName: 'Trollbäckens bibliotek',
      supportedMessages: new Set(['patronStatusRequest', 'patronInformation']),
      screenMessages: ['Välkommen', 'Hej'],
      printLines: [],
    }
    expect(readAcsStatus(roundTrip(buildAcsStatus(status)))).toEqual(status)
  })
})

/** 23 and 63 carry the same patron fields: one documented request serves both. */
const PATRON_REQUEST = {
  language: '006',
  transactionDate: '20250314    101500',
  institutionId: 'BIB',
  patronId: '20012345678',
  terminalPassword: 's3cret',
  patronPassword: '1234',
}

describe('23/24 patron status', () => {
  const request = PATRON_REQUEST

  it('encodes the documented request', () => {
    expect(wire(buildPatronStatusRequest(request), 3)).toBe('2300620250314    101500AOBIB|AA20012345678|ACs3cret|AD1234|AY3AZF039\r')
  })

  it('sends AC and AD even when empty, as the spec requires them in 23', () => {
    const { terminalPassword: _t, patronPassword: _p, ...bare } = request
    expect(encodeFrame(buildPatronStatusRequest(bare)).toString()).toBe('2300620250314    101500AOBIB|AA20012345678|AC|AD|\r')
  })

  it('reads Koha responses for a valid card, a wrong PIN and an unknown card', () => {
    const ok = readPatronStatusResponse(parse('24              00120060101    084237AEEdna Acosta|AA23529001000463|BLY|CQY|AOCPL|'))
    expect(ok).toMatchObject({ personalName: 'Edna Acosta', patronId: '23529001000463', validPatron: true, validPatronPassword: true })
    expect(activeFlags(ok.patronStatus)).toEqual([])

    const wrongPin = readPatronStatusResponse(
      parse('24              00120060101    084237AEEdna Acosta|AA23529001000463|BLY|CQN|AF -- Invalid password|AOCPL|'),
    )
    expect(wrongPin.validPatronPassword).toBe(false)
    expect(wrongPin.screenMessages).toEqual([' -- Invalid password'])

    const unknown = readPatronStatusResponse(parse('24YYYY          00120060101    084237AE|AA29999|BLN|AFInvalid cardnumber|AOCPL|'))
    expect(unknown).toMatchObject({ personalName: '', validPatron: false })
    expect(unknown.validPatronPassword).toBeUndefined()
    expect(activeFlags(unknown.patronStatus)).toEqual([
      'chargePrivilegesDenied',
      'renewalPrivilegesDenied',
      'recallPrivilegesDenied',
      'holdPrivilegesDenied',
    ])
  })

  it('round-trips', () => {
    expect(readPatronStatusRequest(roundTrip(buildPatronStatusRequest(request)))).toEqual(request)
    const response = {
      patronStatus: patronStatusOf(['cardReportedLost']),
      language: '006',
      transactionDate: '20250314    101500',
      institutionId: 'BIB',
      patronId: '20000000000003',
      personalName: 'Lövgren, Per',
      validPatron: true,
      validPatronPassword: true,
      currencyType: 'SEK',
      feeAmount: '0.00',
      screenMessages: ['Kortet är spärrat'],
      printLines: ['rad'],
    }
    expect(readPatronStatusResponse(roundTrip(buildPatronStatusResponse(response)))).toEqual(response)
  })
})

describe('63/64 patron information', () => {
  const request = PATRON_REQUEST

  it('encodes the documented request with a blank summary', () => {
    expect(wire(buildPatronInformationRequest(request), 3)).toBe(
      '6300620250314    101500          AOBIB|AA20012345678|ACs3cret|AD1234|AY3AZEEF5\r',
    )
  })

  it('encodes the spec example with a summary and item range', () => {
    const spec = buildPatronInformationRequest({
      language: '001',
      transactionDate: '19980723    091905',
      summary: 'Y         ',
      institutionId: 'InstitutionID',
      patronId: 'PatronID',
      startItem: 1,
      endItem: 5,
    })
    expect(wire(spec, 1)).toBe('6300119980723    091905Y         AOInstitutionID|AAPatronID|BP00001|BQ00005|AY1AZEA83\r')
    expect(readPatronInformationRequest(spec)).toMatchObject({ summary: 'Y         ', startItem: 1, endItem: 5 })
  })

  it('reads a real response (php-sip2 test data)', () => {
    const response = readPatronInformationResponse(
      parse(
        '64              00020180711    185645000000000010000000000009AOExample City Library|AA1381380|AEMr Joe Tester|BZ9999|CA9999|CB9999|BLY|CQY|BV0.00|BEjoe.tester@example.com|AY0AZCF82',
      ),
    )
    expect(response).toMatchObject({
      language: '000',
      transactionDate: '20180711    185645',
      holdItems: 0,
      overdueItems: 0,
      chargedItems: 10,
      fineItems: 0,
      recallItems: 0,
      unavailableHolds: 9,
      institutionId: 'Example City Library',
      patronId: '1381380',
      personalName: 'Mr Joe Tester',
      validPatron: true,
      validPatronPassword: true,
      feeAmount: '0.00',
      emailAddress: 'joe.tester@example.com',
    })
  })

  it('refuses a 64 that is too short for its counts', () => {
    expect(() => readPatronInformationResponse({ code: '64', fixed: ' '.repeat(14) + '000' + '20180711    185645', fields: [] })).toThrow(
      Sip2ParseError,
    )
  })

  it.each(['utf8', 'latin1', 'cp850'] as const)('round-trips a Swedish name in %s', (encoding) => {
    const response: PatronInformationResponse = {
      patronStatus: patronStatusOf(['chargePrivilegesDenied', 'excessiveOutstandingFines']),
      language: '006',
      transactionDate: '20250314    101500',
      institutionId: 'BIB',
      patronId: '20000000000001',
      personalName: 'Åström, Märta Öberg',
      validPatron: true,
      validPatronPassword: false,
      screenMessages: ['Fel PIN-kod', 'Försök igen'],
      printLines: [],
      holdItems: 1,
      overdueItems: 2,
      chargedItems: 3,
      fineItems: 4,
      recallItems: 5,
      unavailableHolds: 9999,
      feeLimit: '100.00',
      homeAddress: 'Storgatan 1, Tyresö',
      emailAddress: 'marta@example.se',
      homePhone: '08-123 45 67',
    }
    expect(readPatronInformationResponse(roundTrip(buildPatronInformationResponse(response), encoding))).toEqual(response)
  })

  it('refuses a PIN or card number that contains |', () => {
    expect(() => encodeFrame(buildPatronInformationRequest({ ...request, patronPassword: '12|4' }))).toThrow(Sip2EncodeError)
    expect(() => encodeFrame(buildPatronInformationRequest({ ...request, patronId: '2001|AD0000' }))).toThrow(Sip2EncodeError)
  })

  it('refuses counts and dates that do not fit their fixed width', () => {
    expect(() => buildPatronInformationRequest({ ...request, transactionDate: '2025-03-14' })).toThrow(Sip2EncodeError)
    expect(() => buildPatronInformationRequest({ ...request, startItem: 100000 })).toThrow(Sip2EncodeError)
  })
})

it('97 is a bare message', () => {
  expect(encodeFrame(buildRequestAcsResend(), { errorDetection: true }).toString()).toBe('97AZFEF5\r')
})
