import { Sip2ParseError } from './errors.ts'
import { expectCode, fixedField, fixedNumber, optionalField, present, readNumber, requireFixed, yesNo } from './fields.ts'
import { fieldValue, fieldValues, type Sip2Message } from './frame.ts'

// 93/94 Login, 99/98 SC/ACS Status and 96/97 resend requests.

export interface LoginRequest {
  /** '0' = plain text; Koha rejects everything else. */
  readonly uidAlgorithm?: string
  readonly pwdAlgorithm?: string
  /** CN/CO: the terminal's SIP account, not the patron's. */
  readonly userId: string
  readonly password: string
  readonly locationCode?: string
}

export interface LoginResponse {
  readonly ok: boolean
}

export interface ScStatus {
  /** '0' OK, '1' printer out of paper, '2' about to shut down. */
  readonly statusCode: '0' | '1' | '2'
  readonly maxPrintWidth: number
  readonly protocolVersion: string
}

/** BX positions, in wire order. */
export const SUPPORTED_MESSAGES = [
  'patronStatusRequest',
  'checkout',
  'checkin',
  'blockPatron',
  'scAcsStatus',
  'requestScAcsResend',
  'login',
  'patronInformation',
  'endPatronSession',
  'feePaid',
  'itemInformation',
  'itemStatusUpdate',
  'patronEnable',
  'hold',
  'renew',
  'renewAll',
] as const

export type SupportedMessage = (typeof SUPPORTED_MESSAGES)[number]

export interface AcsStatus {
  readonly online: boolean
  readonly checkinOk: boolean
  readonly checkoutOk: boolean
  readonly renewalPolicy: boolean
  readonly statusUpdateOk: boolean
  readonly offlineOk: boolean
  /** Tenths of a second (999 = unknown); undefined when the server sent something that is not a number. */
  readonly timeoutPeriod: number | undefined
  readonly retriesAllowed: number | undefined
  readonly dateTimeSync: string
  readonly protocolVersion: string
  readonly institutionId: string
  readonly libraryName?: string
  /** Undefined when BX is missing (SIP 1.00 servers): callers must then guess. */
  readonly supportedMessages?: ReadonlySet<SupportedMessage>
  readonly terminalLocation?: string
  readonly screenMessages: readonly string[]
  readonly printLines: readonly string[]
}

export function buildLoginRequest(request: LoginRequest): Sip2Message {
  return {
    code: '93',
    fixed: fixedField(request.uidAlgorithm ?? '0', 1, 'UID algorithm') + fixedField(request.pwdAlgorithm ?? '0', 1, 'PWD algorithm'),
    fields: [
      { tag: 'CN', value: request.userId },
      { tag: 'CO', value: request.password },
      ...optionalField('CP', request.locationCode),
    ],
  }
}

export function readLoginRequest(message: Sip2Message): LoginRequest {
  expectCode(message, '93')
  return {
    uidAlgorithm: message.fixed.slice(0, 1),
    pwdAlgorithm: message.fixed.slice(1, 2),
    userId: fieldValue(message, 'CN') ?? '',
    password: fieldValue(message, 'CO') ?? '',
    ...present('locationCode', fieldValue(message, 'CP')),
  }
}

export function buildLoginResponse(response: LoginResponse): Sip2Message {
  return { code: '94', fixed: response.ok ? '1' : '0', fields: [] }
}

export function readLoginResponse(message: Sip2Message): LoginResponse {
  expectCode(message, '94')
  if (message.fixed !== '0' && message.fixed !== '1') throw new Sip2ParseError('malformed', 'Login response must be 0 or 1')
  return { ok: message.fixed === '1' }
}

export function buildScStatus(status: ScStatus): Sip2Message {
  return {
    code: '99',
    fixed: status.statusCode + fixedNumber(status.maxPrintWidth, 3, 'Max print width') + fixedField(status.protocolVersion, 4, 'Protocol version'),
    fields: [],
  }
}

export function readScStatus(message: Sip2Message): ScStatus {
  expectCode(message, '99')
  const statusCode = message.fixed.slice(0, 1)
  if (statusCode !== '0' && statusCode !== '1' && statusCode !== '2') throw new Sip2ParseError('malformed', 'Invalid SC status code')
  return { statusCode, maxPrintWidth: readNumber(message.fixed.slice(1, 4)) ?? 0, protocolVersion: message.fixed.slice(4, 8) }
}

export function buildAcsStatus(status: AcsStatus): Sip2Message {
  const flags = [status.online, status.checkinOk, status.checkoutOk, status.renewalPolicy, status.statusUpdateOk, status.offlineOk]
  return {
    code: '98',
    fixed:
      flags.map(yesNo).join('') +
      fixedNumber(status.timeoutPeriod ?? 999, 3, 'Timeout period') +
      fixedNumber(status.retriesAllowed ?? 999, 3, 'Retries allowed') +
      fixedField(status.dateTimeSync, 18, 'Date/time sync') +
      fixedField(status.protocolVersion, 4, 'Protocol version'),
    fields: [
      { tag: 'AO', value: status.institutionId },
      ...optionalField('AM', status.libraryName),
      ...optionalField('BX', status.supportedMessages && SUPPORTED_MESSAGES.map((name) => yesNo(status.supportedMessages?.has(name) ?? false)).join('')),
      ...optionalField('AN', status.terminalLocation),
      ...status.screenMessages.map((value) => ({ tag: 'AF', value })),
      ...status.printLines.map((value) => ({ tag: 'AG', value })),
    ],
  }
}

export function readAcsStatus(message: Sip2Message): AcsStatus {
  expectCode(message, '98')
  const flag = (index: number) => requireFixed(message.fixed, index, 1, '98') === 'Y'
  const bx = fieldValue(message, 'BX')
  return {
    online: flag(0),
    checkinOk: flag(1),
    checkoutOk: flag(2),
    renewalPolicy: flag(3),
    statusUpdateOk: flag(4),
    offlineOk: flag(5),
    timeoutPeriod: readNumber(message.fixed.slice(6, 9)),
    retriesAllowed: readNumber(message.fixed.slice(9, 12)),
    dateTimeSync: message.fixed.slice(12, 30),
    protocolVersion: message.fixed.slice(30, 34),
    institutionId: fieldValue(message, 'AO') ?? '',
    ...present('libraryName', fieldValue(message, 'AM')),
    ...(bx === undefined ? {} : { supportedMessages: new Set(SUPPORTED_MESSAGES.filter((_, index) => bx[index] === 'Y')) }),
    ...present('terminalLocation', fieldValue(message, 'AN')),
    screenMessages: fieldValues(message, 'AF'),
    printLines: fieldValues(message, 'AG'),
  }
}

/** 97: the SC asks the ACS to repeat its last message (ours arrived with a bad checksum). */
export function buildRequestAcsResend(): Sip2Message {
  return { code: '97', fixed: '', fields: [] }
}

/** 96: the ACS asks the SC to repeat its last message. */
export function buildRequestScResend(): Sip2Message {
  return { code: '96', fixed: '', fields: [] }
}
