import { sql } from '#services/db/sql.server.ts'
import { CSRF_COOKIE, CSRF_FIELD } from '#services/auth/csrf.server.ts'
import { SIMULATOR_COOKIE } from '#services/bankid/simulator-choice.server.ts'
import { luhnCheckDigit } from '#forms/kit/luhn.ts'
import { Jar } from './drafts.ts'

/**
 * `npm run bench`, scenario "larm": whole trygghetslarm applications over HTTP the way a browser without
 * JavaScript files them — BankID login (the portal's simulator approves each as a person of their own), seven
 * pages, a power of attorney uploaded as multipart, check-your-answers, the BankID signature, the receipt
 * and its PDF — several citizens at once. BankID's own pace (a collect at most every 1.5 s) dominates a
 * journey's wall time, so the figures that say something about the portal are the per-step latencies.
 */

/**
 * A different valid personnummer per citizen: BankID allows one order at a time per person, and drafts
 * belong to their person, so citizens sharing one would trip over each other. Each applies as an ombud.
 */
function signerFor(i: number): string {
  const born = new Date(Date.UTC(1950, 0, 1) + (i % 12_000) * 24 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '')
  const nine = `${born.slice(2)}${String(100 + Math.floor(i / 12_000)).slice(-3)}`
  return `${born.slice(0, 2)}${nine}${luhnCheckDigit(nine)}`
}
const BASE = '/e-tjanster/trygghetslarm'
const UA = 'npm-run-bench (trygghetslarm)'
const POLL_MS = 500
const POWER_OF_ATTORNEY = new Blob([Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')], { type: 'application/pdf' })

export type LarmStep = { step: string; p50: number; p99: number; count: number }
export type LarmOutcome = { journeys: number; seconds: number; journeyP50: number; steps: LarmStep[]; stored: number; problems: string[] }

/** The answers per page, as form fields; `i` varies them so no two applications are byte-identical. */
const pages = (i: number): [string, Record<string, string | string[]>][] => [
  ['vem', { applyingFor: 'ombud' }],
  ['sokande', { applicantName: `Karl Testsson ${i}`, applicantPnr: '19400101-9803' }],
  ['bostad', {
    'address.street': `Bollmora allé ${1 + (i % 40)}`, 'address.postcode': '135 81', 'address.city': 'Tyresö',
    apartmentNumber: '1102', doorCode: '', housing: 'ordinart', phone: '070-123 45 67',
  }],
  ['nycklar', { keyHandling: 'keys', completeKeySet: 'on' }],
  ['kontaktpersoner', { 'contacts.0.name': 'Anna Testsson', 'contacts.0.relation': 'Dotter', 'contacts.0.phone': '070-123 45 68', 'contacts.0.hasKey': 'on' }],
  ['halsa', { healthNeeds: ['hearing', 'falls'], healthNotes: 'Använder hörapparat.', pets: 'En katt' }],
  ['information', { alreadyCovered: 'no' }],
]

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

class Citizen {
  readonly jar = new Jar()
  constructor(private readonly baseUrl: string, private readonly timings: Map<string, number[]>, signer: string) {
    // The simulator's per-browser choice (the control page's cookie): approve this citizen's orders as them.
    this.jar.set(SIMULATOR_COOKIE, signer)
  }

  /** One request, timed under `step` (polls are not: they measure BankID's pace, not the portal's). */
  async request(step: string | null, path: string, init: RequestInit = {}): Promise<Response> {
    const t0 = performance.now()
    const res = await fetch(`${this.baseUrl}${path}`, {
      redirect: 'manual', ...init,
      headers: { 'user-agent': UA, cookie: this.jar.header(), origin: this.baseUrl, ...(init.headers ?? {}) },
    })
    await res.arrayBuffer()
    if (step) {
      const list = this.timings.get(step) ?? []
      list.push(performance.now() - t0)
      this.timings.set(step, list)
    }
    this.jar.take(res)
    return res
  }

  post(step: string, path: string, fields: Record<string, string | string[]>, file?: { name: string; blob: Blob; field: string }) {
    const csrf = this.jar.get(CSRF_COOKIE) ?? ''
    if (file) {
      const form = new FormData()
      form.set(CSRF_FIELD, csrf)
      for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) form.append(k, x)
      form.set(file.field, file.blob, file.name)
      return this.request(step, path, { method: 'POST', body: form })
    }
    const body = new URLSearchParams([[CSRF_FIELD, csrf], ...Object.entries(fields).flatMap(([k, v]) => [v].flat().map((x) => [k, x] as [string, string]))])
    return this.request(step, path, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } })
  }

  /** Follows an order page until the portal redirects away from it; gives where to. */
  async waitForOrder(orderPath: string): Promise<string> {
    const deadline = Date.now() + 60_000
    while (Date.now() < deadline) {
      const res = await this.request(null, orderPath)
      const location = res.headers.get('location')
      if (res.status >= 300 && res.status < 400 && location) return location
      if (res.status !== 200) throw new Error(`GET ${orderPath} answered ${res.status}`)
      await sleep(POLL_MS)
    }
    throw new Error(`${orderPath}: BankID did not finish within 60 s`)
  }
}

const expectRedirect = (res: Response, what: string, to: RegExp | string) => {
  const location = res.headers.get('location') ?? ''
  const ok = res.status >= 300 && res.status < 400 && (typeof to === 'string' ? location === to : to.test(location))
  if (!ok) throw new Error(`${what} answered ${res.status} → ${location || '(no redirect)'}, expected ${String(to)}`)
  return location
}

/** One citizen's whole application; gives the case number from the receipt's address. */
async function fileOne(c: Citizen, i: number): Promise<string> {
  const first = `${BASE}/vem`
  const login = await c.request('GET login page', `/logga-in?till=${encodeURIComponent(first)}`)
  if (login.status !== 200) throw new Error(`GET /logga-in answered ${login.status}`)
  const started = await c.post('POST start BankID login', '/logga-in', { intent: 'start', flow: 'qr', till: first })
  const order = expectRedirect(started, 'POST /logga-in', /^\/logga-in\?order=/)
  const loggedIn = await c.waitForOrder(order)
  if (loggedIn !== first) throw new Error(`The login led to ${loggedIn}, not ${first}`)

  const list = pages(i)
  for (const [n, [page, fields]] of list.entries()) {
    const get = await c.request('GET form page', `${BASE}/${page}`)
    if (get.status !== 200) throw new Error(`GET ${page} answered ${get.status} → ${get.headers.get("location") ?? ""}`)
    const next = list[n + 1]?.[0] ?? 'kontrollera'
    const file = page === 'sokande' ? { name: 'fullmakt.pdf', blob: POWER_OF_ATTORNEY, field: 'powerOfAttorney' } : undefined
    const res = await c.post(file ? 'POST page with attachment' : 'POST form page', `${BASE}/${page}`, fields, file)
    expectRedirect(res, `POST ${page}`, `${BASE}/${next}`)
  }
  const check = await c.request('GET check your answers', `${BASE}/kontrollera`)
  if (check.status !== 200) throw new Error(`GET kontrollera answered ${check.status}`)
  const sign = await c.request('GET signing page', `${BASE}/skriv-under`)
  if (sign.status !== 200) throw new Error(`GET skriv-under answered ${sign.status}`)
  const signing = await c.post('POST start BankID signature', `${BASE}/skriv-under`, { intent: 'start', flow: 'qr' })
  const signOrder = expectRedirect(signing, 'POST skriv-under', new RegExp(`^${BASE}/skriv-under\\?order=`))
  const receipt = await c.waitForOrder(signOrder)
  const number = new RegExp(`^${BASE}/kvitto/(LARM-\\d{4}-\\d{6})$`).exec(receipt)?.[1]
  if (!number) throw new Error(`The signature led to ${receipt}, not a receipt`)
  const page = await c.request('GET receipt', receipt)
  if (page.status !== 200) throw new Error(`GET receipt answered ${page.status}`)
  const pdf = await c.request('GET receipt PDF', `${receipt}/pdf`)
  if (pdf.status !== 200 || pdf.headers.get('content-type') !== 'application/pdf') throw new Error(`GET receipt PDF answered ${pdf.status}`)
  return number
}

export async function measureTrygghetslarm(baseUrl: string, opts: { journeys: number; concurrency: number }): Promise<LarmOutcome> {
  const timings = new Map<string, number[]>()
  const journeyMs: number[] = []
  const numbers: string[] = []
  const problems: string[] = []
  let next = 0
  const t0 = performance.now()
  const worker = async () => {
    for (let i = next++; i < opts.journeys; i = next++) {
      const started = performance.now()
      try {
        numbers.push(await fileOne(new Citizen(baseUrl, timings, signerFor(i)), i))
        journeyMs.push(performance.now() - started)
      } catch (e) {
        if (problems.length < 5) problems.push(`trygghetslarm ${i}: ${e instanceof Error ? e.message : String(e)}`)
      }
    }
  }
  await Promise.all(Array.from({ length: opts.concurrency }, worker))
  const seconds = (performance.now() - t0) / 1000

  // Durably stored with what the journey sent: the signature and the power of attorney.
  const [{ n: stored } = { n: 0 }] = numbers.length ? await sql()<{ n: number }[]>`
    select count(*)::int as n from cases c
    where c.number = any(${sql().array(numbers)}::text[])
      and exists (select 1 from case_signatures s where s.case_id = c.id)
      and exists (select 1 from attachments a where a.case_id = c.id and a.field_id = 'powerOfAttorney')` : []
  if (stored !== numbers.length) problems.push(`${numbers.length} receipts but ${stored} signed cases with their attachment stored`)
  const steps = [...timings].map(([step, ms]) => {
    const sorted = [...ms].sort((a, b) => a - b)
    return { step, p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), count: sorted.length }
  })
  return { journeys: numbers.length, seconds, journeyP50: quantile([...journeyMs].sort((a, b) => a - b), 0.5), steps, stored, problems }
}

export function printTrygghetslarm(o: LarmOutcome, concurrency: number) {
  const fmt = (n: number, d = 1) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d })
  console.info(`Trygghetslarm, whole applications over HTTP (${concurrency} citizens at once): ${o.journeys} signed and received in ${fmt(o.seconds)} s,`)
  console.info(`  ${o.stored} stored with signature and attachment; a journey's median wall time ${fmt(o.journeyP50 / 1000)} s (mostly BankID's collect pace).`)
  const width = Math.max(...o.steps.map((s) => s.step.length))
  console.info(`  ${'Step'.padEnd(width)}  requests   p50 ms   p99 ms`)
  for (const s of o.steps) console.info(`  ${s.step.padEnd(width)}  ${String(s.count).padStart(8)}  ${fmt(s.p50).padStart(7)}  ${fmt(s.p99).padStart(7)}`)
}
