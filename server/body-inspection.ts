import type { IncomingHttpHeaders } from 'node:http'
import type { Readable } from 'node:stream'
import Busboy from '@fastify/busboy'

/**
 * What a form post may hold. Far above any page the portal renders (server/body-inspection.test.ts walks every
 * e-service page against them), far below what makes parsing costly: a urlencoded body of three million
 * keys once kept the server busy for nine seconds.
 */
export type BodyLimits = {
  /** Largest body in bytes (BODY_LIMIT_MB). */
  maxBytes: number
  /** Form fields per post; the association grant's 200 meetings of five inputs are the largest page. */
  maxFields: number
  /** File parts per post; the association grant's attachment page takes 30 files. */
  maxFiles: number
  /** One field's value in bytes; the longest text the portal asks for is 2,000 characters. */
  maxFieldBytes: number
  /** One field's name in bytes ("sessions.199.date"). */
  maxNameBytes: number
}

export const FORM_LIMITS: Omit<BodyLimits, 'maxBytes'> = {
  maxFields: 2000,
  maxFiles: 40,
  maxFieldBytes: 100 * 1024,
  maxNameBytes: 200,
}

/** Why a body was refused; each has its own calm page (server/pages.ts). */
export type Refusal = 'type' | 'malformed' | 'tooMany' | 'fieldTooLong' | 'nul' | 'fileName' | 'tooLarge'

export type Inspection =
  | { ok: true; body: Buffer }
  | { ok: false; status: 400 | 413; reason: Refusal }
  /** The client hung up before the body was complete: nobody is left to answer. */
  | { ok: false; status: 'aborted' }

const FORM_TYPES = /^\s*(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i

/** Whether a Content-Type is one a form post uses; everything else (JSON, text/plain…) is refused unread. */
export const isFormType = (contentType: string | undefined) => !!contentType && FORM_TYPES.test(contentType)

/** PostgreSQL text cannot hold U+0000: it must never get as far as a query. */
const hasNul = (s: string) => s.includes('\u0000')

/**
 * A file name that was not UTF-8 decodes with U+FFFD in it; such a name (and one with control characters)
 * would break the download header and the receipt's list of attachments later, so it is refused now.
 */
// eslint-disable-next-line no-control-regex
const badFileName = (s: string) => /[\u0000-\u001f\u007f\ufffd]/.test(s)

const refuse = (status: 400 | 413, reason: Refusal): Inspection => ({ ok: false, status, reason })

/**
 * Reads a form body as it streams in, counting fields, files and bytes and checking names and values,
 * and settles as soon as a limit is passed or the body proves malformed: nothing hostile is ever handed
 * to a full parser. A body that passes is returned whole, for React Router's request to read again.
 */
export function inspectFormBody(headers: IncomingHttpHeaders, source: Readable, limits: BodyLimits): Promise<Inspection> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let bytes = 0
    let fields = 0
    let files = 0
    let settled = false
    let parser: ReturnType<typeof Busboy> | undefined
    const settle = (result: Inspection) => {
      if (settled) return
      settled = true
      source.off('data', collect)
      if (parser) {
        source.unpipe(parser)
        // Whatever the parser still holds is dropped; its late errors must not surface as unhandled.
        parser.removeAllListeners()
        parser.on('error', () => {})
        parser.destroy()
      }
      resolve(result)
    }
    const collect = (chunk: Buffer) => {
      bytes += chunk.length
      if (bytes > limits.maxBytes) settle(refuse(413, 'tooLarge'))
      else chunks.push(chunk)
    }

    const contentType = headers['content-type']
    if (!isFormType(contentType)) return settle(refuse(400, 'type'))
    try {
      parser = Busboy({
        headers: { ...headers, 'content-type': contentType! },
        // One over ours, so the first field or file too many reaches the counts below.
        limits: {
          fields: limits.maxFields + 1,
          files: limits.maxFiles + 1,
          parts: limits.maxFields + limits.maxFiles + 2,
          fieldSize: limits.maxFieldBytes,
          fieldNameSize: limits.maxNameBytes,
          fileSize: limits.maxBytes,
        },
      })
    } catch {
      // No boundary, or a boundary parameter busboy cannot read.
      return settle(refuse(400, 'malformed'))
    }
    // busboy notices its own count limits only when another chunk arrives: counted here as well.
    // busboy passes an undefined name (or file name) for a part whose header lacks it: a malformed body.
    parser.on('field', (name: string | undefined, value: string | undefined, nameTruncated, valueTruncated) => {
      if (typeof name !== 'string' || typeof value !== 'string') settle(refuse(400, 'malformed'))
      else if (++fields > limits.maxFields) settle(refuse(413, 'tooMany'))
      else if (nameTruncated || valueTruncated) settle(refuse(413, 'fieldTooLong'))
      else if (hasNul(name) || hasNul(value)) settle(refuse(400, 'nul'))
    })
    parser.on('file', (name: string | undefined, stream, fileName: string | undefined) => {
      // A file part cut short errors on its own stream; unheard, that error would end the process.
      stream.on('error', () => settle(refuse(400, 'malformed')))
      if (typeof name !== 'string' || typeof fileName !== 'string') settle(refuse(400, 'malformed'))
      else if (++files > limits.maxFiles) settle(refuse(413, 'tooMany'))
      else if (Buffer.byteLength(name) > limits.maxNameBytes) settle(refuse(413, 'fieldTooLong'))
      else if (hasNul(name)) settle(refuse(400, 'nul'))
      else if (badFileName(fileName)) settle(refuse(400, 'fileName'))
      // The bytes are counted by `collect`; the file itself is judged later, by its content.
      stream.resume()
    })
    parser.on('fieldsLimit', () => settle(refuse(413, 'tooMany')))
    parser.on('filesLimit', () => settle(refuse(413, 'tooMany')))
    parser.on('partsLimit', () => settle(refuse(413, 'tooMany')))
    parser.on('error', () => settle(refuse(400, 'malformed')))
    parser.on('finish', () => settle({ ok: true, body: Buffer.concat(chunks, bytes) }))
    source.on('data', collect)
    source.on('error', () => settle({ ok: false, status: 'aborted' }))
    source.on('close', () => {
      if (!source.readableEnded) settle({ ok: false, status: 'aborted' })
    })
    source.pipe(parser)
  })
}
