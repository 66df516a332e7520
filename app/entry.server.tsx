import { Transform, type TransformCallback } from 'node:stream'
import { createReadableStreamFromReadable } from '@react-router/node'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { ServerRouter, type AppLoadContext, type EntryContext, type HandleErrorFunction } from 'react-router'
import { isDatabaseDown } from '#services/db/db-errors.ts'
// Every language's interface texts, compiled once for the whole server build (ADR 044).
import './i18n.server.ts'
import { log } from '#services/log/logger.server.ts'
import { scriptsAfterPaint } from './scripts-after-paint.ts'

export const streamTimeout = 5_000

/**
 * Passes the HTML on in one chunk per turn of the event loop instead of React's 2 kB pieces: a page whose data
 * is ready renders in one synchronous burst, and each piece would otherwise be one more write through the web
 * stream, the response and the compressor (one compression job per piece, measured at about 2.5 times the CPU
 * of compressing the page whole). Parts that arrive later (streamed data) still go out as soon as they come.
 */
class CoalescingStream extends Transform {
  private parts: Buffer[] = []
  private size = 0
  private scheduled = false
  private first = true

  constructor(private readonly onFinal: () => void) {
    super()
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    this.parts.push(chunk)
    this.size += chunk.length
    if (!this.scheduled) {
      this.scheduled = true
      setImmediate(() => this.release())
    }
    callback()
  }

  override _flush(callback: TransformCallback) {
    this.onFinal()
    this.release()
    callback()
  }

  private release() {
    this.scheduled = false
    if (this.parts.length === 0) return
    const [only] = this.parts
    const chunk = this.parts.length === 1 && only ? only : Buffer.concat(this.parts, this.size)
    // The first chunk holds the head: the shell is rendered in one synchronous burst.
    this.push(this.first ? scriptsAfterPaint(chunk) : chunk)
    this.first = false
    this.parts = []
    this.size = 0
  }
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // A database that cannot be reached is an outage, not a bug: say 503 so monitors and proxies know.
  // handleError saw the original error; in production the router context holds only a sanitised copy.
  if (loadContext.outage) responseStatusCode = 503
  if (request.method.toUpperCase() === 'HEAD') return new Response(null, { status: responseStatusCode, headers: responseHeaders })

  return new Promise((resolve, reject) => {
    const ua = request.headers.get('user-agent')
    const readyOption = (ua && isbot(ua)) || routerContext.isSpaMode ? 'onAllReady' : 'onShellReady'
    let timeoutId: ReturnType<typeof setTimeout> | undefined = setTimeout(() => abort(), streamTimeout + 1000)
    const { pipe, abort } = renderToPipeableStream(
      <ServerRouter context={routerContext} url={request.url} nonce={loadContext.cspNonce} />,
      {
        nonce: loadContext.cspNonce,
        [readyOption]() {
          const body = new CoalescingStream(() => {
            clearTimeout(timeoutId)
            timeoutId = undefined
          })
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
          pipe(body)
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }))
        },
        onShellError(error: unknown) {
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          log.error({ err: error }, 'rendering failed')
        },
      },
    )
  })
}

export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted) return
  if (isDatabaseDown(error)) {
    ;(context as AppLoadContext).outage = true
    log.error({ err: error, method: request.method }, 'the database cannot be reached')
  } else log.error({ err: error, method: request.method }, 'request failed')
}
