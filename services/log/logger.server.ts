import { AsyncLocalStorage } from 'node:async_hooks'
import pino, { type Logger } from 'pino'
import { env } from '../env.server.ts'
import { scrub, serializeError } from './scrub.ts'

/** What every log line written while serving one request carries (server/request-context.ts sets it). */
export type RequestContext = { reqId: string }

type Sink = { write(line: string): unknown }

// On globalThis: route modules that Vite loads for the dev server and the integration tests get their own
// copy of this module, yet must log through the same context, sink and logger as the server.
const g = globalThis as typeof globalThis & { __portalLog?: { logger: Logger; context: AsyncLocalStorage<RequestContext>; sink: Sink } }

// A wrong setting must still be reported, through this logger: start-up's readEnv names it (server/start.ts).
function logLevel(): string {
  try {
    return env().LOG_LEVEL
  } catch {
    return 'info'
  }
}

function state() {
  if (!g.__portalLog) {
    const context = new AsyncLocalStorage<RequestContext>()
    // Standard output through an asynchronous writer: on Linux a write to process.stdout on a pipe (a container's
    // log collector, a supervisor) is synchronous, and one JSON line per request cost about a fifth of a send's CPU
    // (docs/performance.md). What is still buffered is written out as the process exits.
    const stdout = pino.destination({ dest: 1, sync: false })
    process.on('exit', () => {
      try {
        stdout.flushSync()
      } catch {
        // Nothing is left to write, or standard output is gone: neither can be reported anywhere.
      }
    })
    const s = { context, sink: stdout as Sink, logger: undefined as unknown as Logger }
    s.logger = pino(
      {
        level: logLevel(),
        base: { pid: process.pid },
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
        // The request id on every line written while a request is served, wherever the line comes from.
        mixin: () => context.getStore() ?? {},
        serializers: { err: serializeError, error: serializeError },
        // Personal data has no place in logs (issue 15); these keys are cut wherever a caller passes them.
        redact: {
          paths: [
            'personnummer', '*.personnummer', 'name', '*.name', 'email', '*.email', 'answers', '*.answers', 'token', '*.token',
            'password', '*.password', 'headers.cookie', '*.headers.cookie', 'headers.authorization', '*.headers.authorization',
            'parameters', '*.parameters',
          ],
          censor: '[redacted]',
        },
        hooks: {
          // Messages are built by people: a personnummer or an address that slipped into one is masked here.
          logMethod(args, method) {
            method.apply(this, args.map((a) => (typeof a === 'string' ? scrub(a) : a)) as Parameters<typeof method>)
          },
        },
      },
      { write: (line: string) => s.sink.write(line) },
    )
    g.__portalLog = s
  }
  return g.__portalLog
}

/** The process's JSON logger (pino): one line per event, on standard output. */
export const log: Logger = state().logger

/** Runs `fn` with `ctx` attached to every log line it writes, including its awaited continuations. */
export function withLogContext<T>(ctx: RequestContext, fn: () => T): T {
  return state().context.run(ctx, fn)
}

/** Sends the log lines to `sink` instead of standard output until the returned function is called (tests; the dev server's pretty output). */
export function redirectLogs(sink: Sink): () => void {
  const s = state()
  const before = s.sink
  s.sink = sink
  return () => {
    s.sink = before
  }
}
