import type { IncomingHttpHeaders } from 'node:http'
import { request } from 'node:https'
import { CSRF_COOKIE, CSRF_FIELD } from '#services/auth/csrf.server.ts'

export type Answer = { status: number; headers: IncomingHttpHeaders; body: string; servedBy: string }

/**
 * One browser talking HTTPS to the reverse proxy: it trusts the test's throwaway certificate, keeps its
 * cookies, and connects from a loopback address of its own (127.0.0.2, 127.0.0.3, ...) so that the portal
 * behind the proxy can tell clients apart exactly as it would tell real visitors apart.
 */
export class ProxyBrowser {
  readonly cookies = new Map<string, string>()
  /** Which portal process (the proxy's X-Served-By) answered each request. */
  readonly servedBy: string[] = []

  constructor(private readonly proxy: { port: number; ca: string }, readonly from = '127.0.0.1') {}

  get origin() {
    return `https://localhost:${this.proxy.port}`
  }

  private options(path: string, method: string, headers: Record<string, string>) {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ')
    return {
      host: '127.0.0.1', port: this.proxy.port, servername: 'localhost', ca: this.proxy.ca, localAddress: this.from, path, method, agent: false as const,
      headers: { host: `localhost:${this.proxy.port}`, ...(cookie ? { cookie } : {}), ...headers },
    }
  }

  private keep(headers: IncomingHttpHeaders) {
    for (const line of headers['set-cookie'] ?? []) {
      const [pair = ''] = line.split(';')
      const i = pair.indexOf('=')
      if (i <= 0) continue
      const value = decodeURIComponent(pair.slice(i + 1).trim())
      if (/;\s*Max-Age=0/i.test(line)) this.cookies.delete(pair.slice(0, i).trim())
      else this.cookies.set(pair.slice(0, i).trim(), value)
    }
  }

  send(path: string, opts: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<Answer> {
    const body = opts.form ? new URLSearchParams(opts.form).toString() : undefined
    const headers = { ...(body !== undefined ? { 'content-type': 'application/x-www-form-urlencoded', origin: this.origin } : {}), ...opts.headers }
    return new Promise((resolve, reject) => {
      const req = request(this.options(path, opts.method ?? (body !== undefined ? 'POST' : 'GET'), headers), (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('error', reject)
        res.on('end', () => {
          this.keep(res.headers)
          const servedBy = String(res.headers['x-served-by'] ?? '')
          this.servedBy.push(servedBy)
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), servedBy })
        })
      })
      req.on('error', reject)
      req.end(body)
    })
  }

  /** POSTs a form the way the page would: with the CSRF token from this browser's cookie. */
  post(path: string, fields: Record<string, string>, headers?: Record<string, string>): Promise<Answer> {
    const csrf = this.cookies.get(CSRF_COOKIE)
    if (!csrf) throw new Error('No CSRF cookie yet: GET a page first')
    return this.send(path, { form: { [CSRF_FIELD]: csrf, ...fields }, headers })
  }

  /**
   * Opens a Server-Sent Events stream and resolves once its first bytes (the portal's ": connected") came:
   * from then on nothing sent to it can be missed. `next(match)` waits for an event whose data matches.
   */
  stream(path: string): Promise<{ servedBy: string; next(match: (data: string) => boolean): Promise<string>; close(): void }> {
    return new Promise((resolve, reject) => {
      const req = request(this.options(path, 'GET', { accept: 'text/event-stream' }), (res) => {
        if (res.statusCode !== 200) {
          reject(new Error(`${path} answered ${res.statusCode}`))
          res.resume()
          return
        }
        let buffered = ''
        const events: string[] = []
        const waiting = new Set<() => void>()
        res.setEncoding('utf8')
        res.on('data', (text: string) => {
          buffered += text
          for (let end = buffered.indexOf('\n\n'); end >= 0; end = buffered.indexOf('\n\n')) {
            const data = buffered.slice(0, end).split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n')
            buffered = buffered.slice(end + 2)
            if (data) events.push(data)
          }
          for (const wake of waiting) wake()
        })
        res.once('data', () => resolve({
          servedBy: String(res.headers['x-served-by'] ?? ''),
          next: (match) => new Promise((found, failed) => {
            const look = () => {
              const hit = events.find(match)
              if (hit === undefined) return
              waiting.delete(look)
              found(hit)
            }
            res.once('close', () => failed(new Error(`${path}: the stream closed before the event came`)))
            waiting.add(look)
            look()
          }),
          close: () => req.destroy(),
        }))
      })
      req.on('error', (e) => reject(e))
      req.end()
    })
  }
}
