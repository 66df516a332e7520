import { expectCode, fixedField, fixedNumber, optionalField, present, readNumber, readYesNo, requireFixed, yesNo } from './fields.ts'
import { fieldValue, fieldValues, type Sip2Field, type Sip2Message } from './frame.ts'
import { formatPatronStatus, activeFlags, parsePatronStatus, type PatronStatus } from './patron-status.ts'

// 23/24 Patron Status and 63/64 Patron Information.

/** What 23 and 63 have in common. */
export interface PatronRequest {
  /** 3 digits: '000' unknown, '001' English, '006' Swedish. */
  readonly language?: string
  /** 18 characters, see formatSip2Date. */
  readonly transactionDate: string
  readonly institutionId: string
  /** AA: the card number. */
  readonly patronId: string
  /** AC. */
  readonly terminalPassword?: string
  /** AD: the PIN. */
  readonly patronPassword?: string
}

export type PatronStatusRequest = PatronRequest

export interface PatronInformationRequest extends PatronRequest {
  /** 10 characters, at most one 'Y' (which item list to return); spaces = none. */
  readonly summary?: string
  readonly startItem?: number
  readonly endItem?: number
}

/** What 24 and 64 have in common. */
export interface PatronResponse {
  readonly patronStatus: PatronStatus
  readonly language: string
  readonly transactionDate: string
  readonly institutionId: string
  readonly patronId: string
  /** AE. */
  readonly personalName: string
  /** BL; undefined when missing (SIP 1.00). */
  readonly validPatron?: boolean
  /** CQ; servers only send it when the request had AD. */
  readonly validPatronPassword?: boolean
  readonly currencyType?: string
  readonly feeAmount?: string
  readonly screenMessages: readonly string[]
  readonly printLines: readonly string[]
}

export type PatronStatusResponse = PatronResponse

export interface PatronItemCounts {
  readonly holdItems: number | undefined
  readonly overdueItems: number | undefined
  readonly chargedItems: number | undefined
  readonly fineItems: number | undefined
  readonly recallItems: number | undefined
  readonly unavailableHolds: number | undefined
}

export interface PatronInformationResponse extends PatronResponse, PatronItemCounts {
  readonly feeLimit?: string
  readonly homeAddress?: string
  readonly emailAddress?: string
  readonly homePhone?: string
}

const COUNT_KEYS = ['holdItems', 'overdueItems', 'chargedItems', 'fineItems', 'recallItems', 'unavailableHolds'] as const

function requestFixed(request: PatronRequest): string {
  return fixedField(request.language ?? '000', 3, 'Language') + fixedField(request.transactionDate, 18, 'Transaction date')
}

function readRequest(message: Sip2Message): PatronRequest {
  return {
    language: message.fixed.slice(0, 3),
    transactionDate: message.fixed.slice(3, 21),
    institutionId: fieldValue(message, 'AO') ?? '',
    patronId: fieldValue(message, 'AA') ?? '',
    ...present('terminalPassword', fieldValue(message, 'AC')),
    ...present('patronPassword', fieldValue(message, 'AD')),
  }
}

export function buildPatronStatusRequest(request: PatronStatusRequest): Sip2Message {
  return {
    code: '23',
    fixed: requestFixed(request),
    // The spec marks AC and AD as required in 23, so they are sent even when empty.
    fields: [
      { tag: 'AO', value: request.institutionId },
      { tag: 'AA', value: request.patronId },
      { tag: 'AC', value: request.terminalPassword ?? '' },
      { tag: 'AD', value: request.patronPassword ?? '' },
    ],
  }
}

export function readPatronStatusRequest(message: Sip2Message): PatronStatusRequest {
  expectCode(message, '23')
  return readRequest(message)
}

export function buildPatronInformationRequest(request: PatronInformationRequest): Sip2Message {
  return {
    code: '63',
    fixed: requestFixed(request) + fixedField(request.summary ?? ' '.repeat(10), 10, 'Summary'),
    fields: [
      { tag: 'AO', value: request.institutionId },
      { tag: 'AA', value: request.patronId },
      ...optionalField('AC', request.terminalPassword),
      ...optionalField('AD', request.patronPassword),
      ...optionalField('BP', request.startItem === undefined ? undefined : fixedNumber(request.startItem, 5, 'Start item')),
      ...optionalField('BQ', request.endItem === undefined ? undefined : fixedNumber(request.endItem, 5, 'End item')),
    ],
  }
}

export function readPatronInformationRequest(message: Sip2Message): PatronInformationRequest {
  expectCode(message, '63')
  return {
    ...readRequest(message),
    summary: message.fixed.slice(21, 31),
    ...present('startItem', readNumber(fieldValue(message, 'BP') ?? '')),
    ...present('endItem', readNumber(fieldValue(message, 'BQ') ?? '')),
  }
}

function responseFixed(response: PatronResponse): string {
  return formatPatronStatus(activeFlags(response.patronStatus)) + fixedField(response.language, 3, 'Language') + fixedField(response.transactionDate, 18, 'Transaction date')
}

function responseFields(response: PatronResponse, extra: Sip2Field[]): Sip2Field[] {
  const flag = (tag: string, value: boolean | undefined) => optionalField(tag, value === undefined ? undefined : yesNo(value))
  return [
    { tag: 'AO', value: response.institutionId },
    { tag: 'AA', value: response.patronId },
    { tag: 'AE', value: response.personalName },
    ...extra,
    ...flag('BL', response.validPatron),
    ...flag('CQ', response.validPatronPassword),
    ...optionalField('BH', response.currencyType),
    ...optionalField('BV', response.feeAmount),
    ...response.screenMessages.map((value) => ({ tag: 'AF', value })),
    ...response.printLines.map((value) => ({ tag: 'AG', value })),
  ]
}

function readResponse(message: Sip2Message): PatronResponse {
  return {
    patronStatus: parsePatronStatus(requireFixed(message.fixed, 0, 14, message.code)),
    language: requireFixed(message.fixed, 14, 3, message.code),
    transactionDate: requireFixed(message.fixed, 17, 18, message.code),
    institutionId: fieldValue(message, 'AO') ?? '',
    patronId: fieldValue(message, 'AA') ?? '',
    personalName: fieldValue(message, 'AE') ?? '',
    ...present('validPatron', readYesNo(fieldValue(message, 'BL'))),
    ...present('validPatronPassword', readYesNo(fieldValue(message, 'CQ'))),
    ...present('currencyType', fieldValue(message, 'BH')),
    ...present('feeAmount', fieldValue(message, 'BV')),
    screenMessages: fieldValues(message, 'AF'),
    printLines: fieldValues(message, 'AG'),
  }
}

export function buildPatronStatusResponse(response: PatronStatusResponse): Sip2Message {
  return { code: '24', fixed: responseFixed(response), fields: responseFields(response, []) }
}

export function readPatronStatusResponse(message: Sip2Message): PatronStatusResponse {
  expectCode(message, '24')
  return readResponse(message)
}

export function buildPatronInformationResponse(response: PatronInformationResponse): Sip2Message {
  const counts = COUNT_KEYS.map((key) => {
    const count = response[key]
    return count === undefined ? '    ' : fixedNumber(count, 4, key)
  }).join('')
  return {
    code: '64',
    fixed: responseFixed(response) + counts,
    fields: responseFields(response, [
      ...optionalField('CC', response.feeLimit),
      ...optionalField('BD', response.homeAddress),
      ...optionalField('BE', response.emailAddress),
      ...optionalField('BF', response.homePhone),
    ]),
  }
}

export function readPatronInformationResponse(message: Sip2Message): PatronInformationResponse {
  expectCode(message, '64')
  const counts = Object.fromEntries(
    COUNT_KEYS.map((key, index) => [key, readNumber(requireFixed(message.fixed, 35 + index * 4, 4, '64'))]),
  ) as Record<(typeof COUNT_KEYS)[number], number | undefined>
  return {
    ...readResponse(message),
    ...counts,
    ...present('feeLimit', fieldValue(message, 'CC')),
    ...present('homeAddress', fieldValue(message, 'BD')),
    ...present('emailAddress', fieldValue(message, 'BE')),
    ...present('homePhone', fieldValue(message, 'BF')),
  }
}
