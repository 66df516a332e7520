import { randomBytes } from 'node:crypto'
import { felanmalan } from '#forms/felanmalan/index.ts'
import { createSession, SESSION_COOKIE } from '#services/auth/session.server.ts'
import { CSRF_COOKIE, CSRF_FIELD } from '#services/auth/csrf.server.ts'
import { createDraft, saveDraftAnswers } from '#services/cases/drafts.server.ts'

/** One visitor at the check-your-answers page, ready to press "Skicka". */
export type ReadyDraft = { draftId: string; cookie: string; body: string }

export const FORM_BASE = '/e-tjanster/felanmalan'

const CATEGORIES = ['gatubelysning', 'gata', 'klotter', 'park', 'lekplats', 'nedskrapning'] as const

/** Complete answers as the four pages store them; varied a little so no two reports are byte-identical. */
function answersFor(i: number) {
  return {
    category: CATEGORIES[i % CATEGORIES.length]!,
    address: { street: `Bollmora allé ${1 + (i % 40)}`, postcode: '135 40', city: 'Tyresö' },
    description: `Gatlampan vid port ${i} har varit släckt i tre kvällar, det är mörkt på gångvägen.`,
  }
}

const sendBody = (csrf: string, draftId: string) => new URLSearchParams({ [CSRF_FIELD]: csrf, draftId }).toString()

/** A cookie jar just big enough for one visitor: name → value from Set-Cookie headers. */
export class Jar {
  private readonly values = new Map<string, string>()
  take(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const i = pair?.indexOf('=') ?? -1
      if (pair && i > 0) this.values.set(pair.slice(0, i).trim(), decodeURIComponent(pair.slice(i + 1).trim()))
    }
  }
  get(name: string) {
    return this.values.get(name)
  }
  set(name: string, value: string) {
    this.values.set(name, value)
  }
  header() {
    return [...this.values].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ')
  }
}

/**
 * Files a report the way a browser without JavaScript does: GET the first page for the CSRF cookie,
 * then POST each of the four pages form-encoded, following the server's redirects, and read the draft
 * id off the check-your-answers page. Proves the path the bulk-made drafts stand in for. `over` gives the
 * description and contact details of a test's own (tests/observability: answers that must stay out of logs).
 */
export async function draftOverHttp(baseUrl: string, i: number, over: { description?: string; contact?: { name: string; email: string; phone: string } } = {}): Promise<ReadyDraft> {
  const jar = new Jar()
  const first = await fetch(`${baseUrl}${FORM_BASE}/kategori`)
  await first.arrayBuffer()
  if (first.status !== 200) throw new Error(`GET kategori answered ${first.status}`)
  jar.take(first)
  const csrf = jar.get(CSRF_COOKIE)
  if (!csrf) throw new Error('GET kategori set no csrf cookie')

  const a = answersFor(i)
  const pages: [string, Record<string, string>, string][] = [
    ['kategori', { category: a.category }, 'plats'],
    ['plats', { 'address.street': a.address.street, 'address.postcode': a.address.postcode, 'address.city': a.address.city, placeDetails: '' }, 'beskrivning'],
    ['beskrivning', { description: over.description ?? a.description }, 'kontakt'],
    ['kontakt', over.contact ?? { name: '', email: '', phone: '' }, 'kontrollera'],
  ]
  for (const [page, fields, next] of pages) {
    const res = await fetch(`${baseUrl}${FORM_BASE}/${page}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header(), origin: baseUrl },
      body: new URLSearchParams({ [CSRF_FIELD]: csrf, ...fields }),
    })
    await res.arrayBuffer()
    jar.take(res)
    const location = res.headers.get('location')
    if (res.status < 300 || res.status >= 400 || location !== `${FORM_BASE}/${next}`)
      throw new Error(`POST ${page} answered ${res.status} → ${location ?? '(no redirect)'}, expected a redirect to ${next}`)
  }
  if (!jar.get(SESSION_COOKIE)) throw new Error('No session cookie after the first answer')

  const check = await fetch(`${baseUrl}${FORM_BASE}/kontrollera`, { headers: { cookie: jar.header() } })
  const html = await check.text()
  const draftId = /name="draftId" value="([0-9a-f-]{36})"/.exec(html)?.[1]
  if (check.status !== 200 || !draftId) throw new Error(`GET kontrollera answered ${check.status} without a draft id`)
  return { draftId, cookie: jar.header(), body: sendBody(csrf, draftId) }
}

/**
 * The same end state straight through the services the page posts use (a visitor session, a draft,
 * its answers): thousands of visitors over HTTP would take longer than the measurement itself.
 */
export async function draftsInDatabase(count: number, offset: number, concurrency = 16): Promise<ReadyDraft[]> {
  const out: ReadyDraft[] = new Array<ReadyDraft>(count)
  const request = new Request('http://127.0.0.1/')
  let next = 0
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      const { session, setCookie } = await createSession(request, 'visitor')
      const draft = await createDraft(session.tokenHash, felanmalan)
      await saveDraftAnswers(draft.id, answersFor(offset + i))
      const sid = new RegExp(`^${SESSION_COOKIE}=([^;]+)`).exec(setCookie)?.[1]
      if (!sid) throw new Error(`Unexpected session cookie: ${setCookie}`)
      // Each visitor has its own CSRF token, as each browser would.
      const csrf = randomBytes(32).toString('base64url')
      out[i] = { draftId: draft.id, cookie: `${CSRF_COOKIE}=${csrf}; ${SESSION_COOKIE}=${sid}`, body: sendBody(csrf, draft.id) }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  return out
}

/** Presses "Skicka" for a ready draft as a browser without JavaScript would; the answer is not followed. */
export const sendOverHttp = (baseUrl: string, d: ReadyDraft) => fetch(`${baseUrl}${FORM_BASE}/kontrollera`, {
  method: 'POST', redirect: 'manual', body: d.body,
  headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: d.cookie, origin: baseUrl },
})
