// Pure SIP2 encoding and parsing (no I/O): the public entry point of the codec modules.
export { SIP2_ENCODINGS, decodeText, encodeText, type Sip2Encoding } from './charset.ts'
export { Sip2EncodeError, Sip2ParseError, type Sip2ParseFailure } from './errors.ts'
export { formatSip2Date, parseSip2Date, type Sip2TimeZone } from './fields.ts'
export {
  FIXED_LENGTHS,
  checksum,
  decodeFrame,
  encodeFrame,
  fieldValue,
  fieldValues,
  messageText,
  splitFrames,
  type DecodedFrame,
  type EncodeOptions,
  type Sip2Field,
  type Sip2Message,
} from './frame.ts'
export {
  PATRON_STATUS_FLAGS,
  activeFlags,
  formatPatronStatus,
  parsePatronStatus,
  patronStatusOf,
  type PatronStatus,
  type PatronStatusFlag,
} from './patron-status.ts'
export * from './session-messages.ts'
export * from './patron-messages.ts'
