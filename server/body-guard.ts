import { Readable } from 'node:stream'
import type { NextFunction, Request, RequestHandler, Response } from 'express'
import { FORM_LIMITS, inspectFormBody, type BodyLimits, type Refusal } from './body-inspection.ts'
import { refusedBodyPage } from './pages.ts'

/** How much of a refused body we read to deliver our page before hanging up. */
const DISCARD_LIMIT_BYTES = 200 * 1024 * 1024

const STATUS: Record<Refusal, 400 | 413> = {
  type: 400, malformed: 400, nul: 400, fileName: 400, tooMany: 413, fieldTooLong: 413, tooLarge: 413,
}

/** Bodies that passed inspection, for the React Router handler to read instead of the spent request stream. */
const checked = new WeakMap<Request, Buffer>()

/**
 * Answers at once, then reads and discards the rest: a browser that is still sending when the socket
 * closes shows a connection error instead of our page. Past a bound, just hang up.
 */
function refuse(req: Request, res: Response, reason: Refusal, limitMb: number) {
  res.status(STATUS[reason]).type('html').send(refusedBodyPage(reason, limitMb))
  let discarded = 0
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length
    if (discarded > DISCARD_LIMIT_BYTES) req.socket.destroy()
  })
  req.resume()
}

const readsNoBody = (method: string) => method === 'GET' || method === 'HEAD' || method === 'OPTIONS'

/**
 * Every request body is checked here before anything parses it (issue 10): only form posts, at most so
 * many fields, files and bytes, no NUL anywhere and file names that can be read. A refusal is a calm page
 * with 400 or 413, sent as soon as the body shows what it is, so a hostile post never holds the server.
 * `%00` in the address is refused the same way, whatever the method.
 */
export function bodyGuard(opts: { bodyLimitMb: number; limits?: Partial<BodyLimits> }): RequestHandler {
  const limits: BodyLimits = { ...FORM_LIMITS, maxBytes: opts.bodyLimitMb * 1024 * 1024, ...opts.limits }
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.originalUrl.includes('%00')) return refuse(req, res, 'nul', opts.bodyLimitMb)
    if (readsNoBody(req.method)) return next()
    const length = Number(req.headers['content-length'] ?? NaN)
    if (Number.isFinite(length) && length > limits.maxBytes) return refuse(req, res, 'tooLarge', opts.bodyLimitMb)
    if (!Number.isFinite(length) && req.headers['transfer-encoding']) {
      res.status(411).type('text').send('Length Required')
      return
    }
    void inspectFormBody(req.headers, req, limits).then((result) => {
      if (result.ok) {
        checked.set(req, result.body)
        next()
      } else if (result.status !== 'aborted') refuse(req, res, result.reason, opts.bodyLimitMb)
    })
  }
}

/**
 * Hands `handler` (React Router's Express adapter) the request with its checked body in place of the
 * request stream, which the guard has already read. Only the stream methods the adapter's body reader
 * uses are replaced; everything else is the real request.
 */
export function withCheckedBody(handler: RequestHandler): RequestHandler {
  return (req, res, next) => {
    const body = checked.get(req)
    if (!body) return handler(req, res, next)
    const replay = Readable.from(body.length ? [body] : [])
    const delegate = (name: 'on' | 'once' | 'off' | 'removeListener' | 'pause' | 'resume' | 'destroy') =>
      ({ value: (replay[name] as (...args: unknown[]) => unknown).bind(replay) })
    const replayed = Object.create(req, {
      on: delegate('on'), once: delegate('once'), off: delegate('off'), removeListener: delegate('removeListener'),
      pause: delegate('pause'), resume: delegate('resume'), destroy: delegate('destroy'),
      readableHighWaterMark: { value: replay.readableHighWaterMark },
    }) as Request
    return handler(replayed, res, next)
  }
}
