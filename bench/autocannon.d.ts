/**
 * The slice of autocannon 9's programmatic API the benchmark uses. The package ships no types and
 * @types/autocannon is not installed, so this keeps bench/ type-checked without touching package.json.
 */
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events'

  export type RequestParams = {
    method?: string
    path?: string
    headers?: Record<string, string>
    body?: string | Buffer
  }

  export type RequestSpec = RequestParams & {
    /** Called each time this request is built; returning a falsy value resets the sequence. */
    setupRequest?: (req: RequestParams, context: Record<string, unknown>) => RequestParams | null | undefined
    onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, string>) => void
  }

  export type Options = RequestParams & {
    url: string
    connections?: number
    /** Seconds. */
    duration?: number
    amount?: number
    /** Seconds before a request times out and its connection is reset. */
    timeout?: number
    pipelining?: number
    requests?: RequestSpec[]
    title?: string
  }

  export type Histogram = {
    average: number
    mean: number
    stddev: number
    min: number
    max: number
    p2_5: number
    p50: number
    p75: number
    p90: number
    p97_5: number
    p99: number
    p99_9: number
  }

  export type RequestsHistogram = Histogram & {
    /** Requests answered (a histogram of per-second samples otherwise). */
    total: number
    sent: number
  }

  export type Result = {
    title?: string
    url: string
    requests: RequestsHistogram
    latency: Histogram
    throughput: Histogram
    /** Seconds. */
    duration: number
    errors: number
    timeouts: number
    mismatches: number
    non2xx: number
    resets: number
    '1xx': number
    '2xx': number
    '3xx': number
    '4xx': number
    '5xx': number
    statusCodeStats: Record<string, { count: number }>
  }

  export interface Instance extends EventEmitter {
    stop(): void
  }

  function autocannon(opts: Options, cb: (err: Error | null, result: Result) => void): Instance
  export default autocannon
}
