import net from 'node:net'
import type { Sip2Encoding } from './charset.ts'
import { LibraryUnavailableError, Sip2ParseError, type LibraryUnavailableReason } from './errors.ts'
import { decodeFrame, encodeFrame, splitFrames, type Sip2Message } from './frame.ts'
import { buildRequestAcsResend } from './session-messages.ts'

export interface Sip2ConnectionOptions {
  readonly host: string
  readonly port: number
  readonly encoding: Sip2Encoding
  /** Send AY/AZ. Responses are accepted with or without them either way. */
  readonly errorDetection: boolean
  readonly connectTimeoutMs: number
}

// No real SIP2 response comes near this; a peer that sends more without a CR is not speaking SIP2.
const MAX_FRAME_BYTES = 64 * 1024

/**
 * One TCP connection to a SIP2 server. SIP2 has no request ids, so a response can only be matched to the request
 * before it: hence one request at a time, and a connection that has timed out or failed is never reused (a late
 * answer would otherwise be taken for the answer to the next question).
 */
export class Sip2Connection {
  private buffer: Buffer = Buffer.alloc(0)
  private readonly frames: Buffer[] = []
  private waiter: { resolve: (frame: Buffer) => void; reject: (error: Error) => void } | undefined
  private failure: LibraryUnavailableError | undefined
  private busy = false
  private sequence = 0

  private constructor(
    private readonly socket: net.Socket,
    private readonly options: Sip2ConnectionOptions,
  ) {
    socket.setNoDelay(true)
    socket.on('data', (chunk: Buffer) => this.receive(chunk))
    // A listener must stay attached for the socket's whole life: an 'error' without one crashes the process.
    socket.on('error', (error) => this.fail('connection-lost', `Connection to ${this.address} failed`, error))
    socket.on('close', () => this.fail('connection-lost', `${this.address} closed the connection`))
  }

  static open(options: Sip2ConnectionOptions): Promise<Sip2Connection> {
    const address = `${options.host}:${options.port}`
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: options.host, port: options.port })
      const timer = setTimeout(() => {
        socket.destroy()
        reject(new LibraryUnavailableError('timeout', `Connecting to ${address} timed out`))
      }, options.connectTimeoutMs)
      const onError = (error: Error) => {
        clearTimeout(timer)
        reject(new LibraryUnavailableError('connect-failed', `Cannot connect to ${address}`, { cause: error }))
      }
      socket.once('error', onError)
      socket.once('connect', () => {
        clearTimeout(timer)
        socket.off('error', onError)
        resolve(new Sip2Connection(socket, options))
      })
    })
  }

  private get address(): string {
    return `${this.options.host}:${this.options.port}`
  }

  /**
   * Sends a message and returns the parsed answer. Per the spec, a checksum error in the answer is met with one
   * 97 (ACS resend) and a 96 from the server with one resend of our message; anything beyond that fails.
   */
  async request(message: Sip2Message, timeoutMs: number): Promise<Sip2Message> {
    if (this.busy) throw new Error('Sip2Connection handles one request at a time')
    this.busy = true
    try {
      const { encoding, errorDetection } = this.options
      const sequence = errorDetection ? this.nextSequence() : undefined
      const bytes = encodeFrame(message, { encoding, errorDetection, sequence })
      const deadline = Date.now() + timeoutMs
      let scResends = 1
      let acsResends = 1
      this.frames.length = 0
      this.write(bytes)
      for (;;) {
        const frame = await this.nextFrame(deadline - Date.now())
        let decoded
        try {
          decoded = decodeFrame(frame, { encoding })
        } catch (error) {
          if (error instanceof Sip2ParseError && error.failure === 'checksum' && acsResends-- > 0) {
            this.write(encodeFrame(buildRequestAcsResend(), { encoding, errorDetection }))
            continue
          }
          throw this.fail('bad-response', `Unreadable response from ${this.address}`, error)
        }
        if (decoded.message.code === '96' && message.code !== '97') {
          if (scResends-- <= 0) throw this.fail('bad-response', `${this.address} keeps asking for a resend`)
          this.write(bytes)
          continue
        }
        if (sequence !== undefined && decoded.sequence !== undefined && decoded.sequence !== sequence) {
          throw this.fail('bad-response', `Sequence number mismatch from ${this.address}`)
        }
        return decoded.message
      }
    } finally {
      this.busy = false
    }
  }

  close(): void {
    this.fail('connection-lost', 'Connection closed by client')
  }

  private nextSequence(): number {
    const sequence = this.sequence
    this.sequence = (this.sequence + 1) % 10
    return sequence
  }

  private write(bytes: Buffer): void {
    if (!this.failure) this.socket.write(bytes)
  }

  private receive(chunk: Buffer): void {
    const { frames, rest } = splitFrames(Buffer.concat([this.buffer, chunk]))
    this.buffer = rest
    for (const frame of frames) {
      if (frame.length === 0) continue
      const waiter = this.waiter
      this.waiter = undefined
      if (waiter) waiter.resolve(frame)
      else this.frames.push(frame)
    }
    if (this.buffer.length > MAX_FRAME_BYTES) this.fail('bad-response', `${this.address} sent no message terminator`)
  }

  private nextFrame(timeoutMs: number): Promise<Buffer> {
    const queued = this.frames.shift()
    if (queued) return Promise.resolve(queued)
    if (this.failure) return Promise.reject(this.failure)
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.fail('timeout', `No response from ${this.address}`), Math.max(0, timeoutMs))
      this.waiter = {
        resolve: (frame) => {
          clearTimeout(timer)
          resolve(frame)
        },
        reject: (error) => {
          clearTimeout(timer)
          reject(error)
        },
      }
    })
  }

  /** Marks the connection dead (first reason wins), drops the socket and wakes a pending request. */
  private fail(reason: LibraryUnavailableReason, message: string, cause?: unknown): LibraryUnavailableError {
    if (!this.failure) {
      this.failure = new LibraryUnavailableError(reason, message, cause === undefined ? undefined : { cause })
      this.socket.destroy()
    }
    const waiter = this.waiter
    this.waiter = undefined
    waiter?.reject(this.failure)
    return this.failure
  }
}
