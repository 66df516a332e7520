import { decodeText, encodeText, type Sip2Encoding } from './charset.ts'
import { Sip2EncodeError, Sip2ParseError } from './errors.ts'

export interface Sip2Field {
  readonly tag: string
  readonly value: string
}

/** A SIP2 message without its error-detection trailer: code, fixed-length part, variable fields in order. */
export interface Sip2Message {
  readonly code: string
  readonly fixed: string
  readonly fields: readonly Sip2Field[]
}

export interface DecodedFrame {
  readonly message: Sip2Message
  /** AY, when the sender used error detection. */
  readonly sequence?: number
  /** AZ as received (already verified). */
  readonly checksum?: string
}

export interface EncodeOptions {
  encoding?: Sip2Encoding
  /** Append AY (if `sequence` is given) and AZ. */
  errorDetection?: boolean
  sequence?: number
  terminator?: '\r' | '\r\n'
}

/**
 * Length of the fixed part after the two-digit code. Variable fields can only be told apart from fixed data by
 * position, so a message we do not know the layout of cannot be parsed at all.
 */
export const FIXED_LENGTHS: Readonly<Record<string, number>> = {
  '23': 21,
  '24': 35,
  '63': 31,
  '64': 59,
  '93': 2,
  '94': 1,
  '96': 0,
  '97': 0,
  '98': 34,
  '99': 8,
}

const CR = 0x0d
const LF = 0x0a
const TAG = /^[A-Z0-9]{2}$/
// '|' would end the field early and CR/LF would end the message: a value containing them would be read back as
// something else, so it is refused rather than escaped (SIP2 has no escaping).
const UNENCODABLE = /[|\p{Cc}]/u

export function checksum(bytes: Uint8Array): string {
  let sum = 0
  for (const byte of bytes) sum += byte
  return ((-sum) & 0xffff).toString(16).toUpperCase().padStart(4, '0')
}

/** Renders code, fixed part and fields, e.g. `9300CNuser|COpass|`. */
export function messageText(message: Sip2Message): string {
  if (!/^\d{2}$/.test(message.code)) throw new Sip2EncodeError(`Invalid message code "${message.code}"`)
  const fixedLength = FIXED_LENGTHS[message.code]
  if (fixedLength !== undefined && message.fixed.length !== fixedLength) {
    throw new Sip2EncodeError(`Message ${message.code} needs ${fixedLength} fixed characters, got ${message.fixed.length}`)
  }
  if (UNENCODABLE.test(message.fixed)) throw new Sip2EncodeError(`Fixed part of ${message.code} contains '|' or a control character`)
  let text = message.code + message.fixed
  for (const { tag, value } of message.fields) {
    if (!TAG.test(tag) || tag === 'AY' || tag === 'AZ') throw new Sip2EncodeError(`Invalid field tag "${tag}"`)
    // The value is deliberately not included: it may be a PIN or password.
    if (UNENCODABLE.test(value)) throw new Sip2EncodeError(`Field ${tag} contains '|' or a control character`)
    text += `${tag}${value}|`
  }
  return text
}

export function encodeFrame(message: Sip2Message, options: EncodeOptions = {}): Buffer {
  const { encoding = 'utf8', errorDetection = false, sequence, terminator = '\r' } = options
  let text = messageText(message)
  if (errorDetection) {
    if (sequence !== undefined) {
      if (!Number.isInteger(sequence) || sequence < 0 || sequence > 9) throw new Sip2EncodeError('Sequence must be 0–9')
      text += `AY${sequence}`
    }
    text += 'AZ'
  }
  const body = encodeText(text, encoding)
  const trailer = errorDetection ? checksum(body) : ''
  return Buffer.concat([body, Buffer.from(trailer + terminator, 'ascii')])
}

/** Splits received bytes at CR; an LF after the CR (Koha's default CRLF) is dropped, even in a later read. */
export function splitFrames(buffer: Buffer): { frames: Buffer[]; rest: Buffer } {
  const frames: Buffer[] = []
  let start = 0
  for (let end = buffer.indexOf(CR, start); end !== -1; end = buffer.indexOf(CR, start)) {
    frames.push(stripLeadingLf(buffer.subarray(start, end)))
    start = end + 1
  }
  return { frames, rest: stripLeadingLf(buffer.subarray(start)) }
}

function stripLeadingLf(bytes: Buffer): Buffer {
  let start = 0
  while (bytes[start] === LF) start++
  return bytes.subarray(start)
}

function isHexDigit(byte: number | undefined): boolean {
  return byte !== undefined && ((byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66))
}

function hasChecksumTrailer(bytes: Uint8Array): boolean {
  const n = bytes.length
  return n >= 8 && bytes[n - 6] === 0x41 && bytes[n - 5] === 0x5a && [1, 2, 3, 4].every((k) => isHexDigit(bytes[n - k]))
}

/** Parses one message (terminator optional). Verifies AZ when present; messages without AY/AZ are accepted. */
export function decodeFrame(frame: Uint8Array, options: { encoding?: Sip2Encoding } = {}): DecodedFrame {
  let end = frame.length
  while (end > 0 && (frame[end - 1] === CR || frame[end - 1] === LF)) end--
  const bytes = frame.subarray(0, end)
  if (bytes.length < 2) throw new Sip2ParseError('malformed', 'Message is too short')

  let received: string | undefined
  if (hasChecksumTrailer(bytes)) {
    received = Buffer.from(bytes.subarray(bytes.length - 4)).toString('ascii').toUpperCase()
    if (checksum(bytes.subarray(0, bytes.length - 4)) !== received) throw new Sip2ParseError('checksum', 'Checksum mismatch')
  }
  const text = decodeText(received === undefined ? bytes : bytes.subarray(0, bytes.length - 6), options.encoding ?? 'utf8')

  const code = text.slice(0, 2)
  if (!/^\d{2}$/.test(code)) throw new Sip2ParseError('malformed', 'Message does not start with a two-digit code')
  const fixedLength = FIXED_LENGTHS[code]
  if (fixedLength === undefined) throw new Sip2ParseError('unsupported-message', `Unsupported message ${code}`)
  const fixed = text.slice(2, 2 + fixedLength)
  if (fixed.length !== fixedLength || fixed.includes('|')) {
    throw new Sip2ParseError('malformed', `Message ${code} has a short fixed part`)
  }

  const segments = text.slice(2 + fixedLength).split('|')
  // After the last '|' there may be AY<digit> and, if the sender left off the final '|', one more field.
  const tail = /^(.*?)(?:AY(\d))?$/s.exec(segments.pop() ?? '')
  const sequence = tail?.[2] === undefined ? undefined : Number(tail[2])
  if (tail?.[1]) segments.push(tail[1])

  const fields = segments
    .filter((segment) => segment !== '')
    .map((segment) => {
      const tag = segment.slice(0, 2)
      if (!TAG.test(tag)) throw new Sip2ParseError('malformed', `Invalid field tag in message ${code}`)
      return { tag, value: segment.slice(2) }
    })

  return {
    message: { code, fixed, fields },
    ...(sequence === undefined ? {} : { sequence }),
    ...(received === undefined ? {} : { checksum: received }),
  }
}

/** First value of a field; SIP2 fields are looked up by tag, never by position. */
export function fieldValue(message: Sip2Message, tag: string): string | undefined {
  return message.fields.find((field) => field.tag === tag)?.value
}

/** All values of a repeatable field (AF screen message, AG print line). */
export function fieldValues(message: Sip2Message, tag: string): string[] {
  return message.fields.filter((field) => field.tag === tag).map((field) => field.value)
}
