/** A message (or a value for one) that cannot be put on the wire without changing its meaning. */
export class Sip2EncodeError extends Error {
  override readonly name = 'Sip2EncodeError'
}

export type Sip2ParseFailure = 'checksum' | 'malformed' | 'unsupported-message'

/** Bytes from the other side that are not a valid SIP2 message. */
export class Sip2ParseError extends Error {
  override readonly name = 'Sip2ParseError'
  constructor(
    readonly failure: Sip2ParseFailure,
    message: string,
  ) {
    super(message)
  }
}

export type LibraryUnavailableReason =
  | 'connect-failed'
  | 'timeout'
  | 'connection-lost'
  | 'bad-response'
  | 'login-rejected'
  | 'offline'

/**
 * The library system could not give an answer about the patron. Never the patron's fault: the UI should say
 * "try again later", and nothing about the card or PIN may be inferred from it.
 */
export class LibraryUnavailableError extends Error {
  override readonly name = 'LibraryUnavailableError'
  constructor(
    readonly reason: LibraryUnavailableReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}
