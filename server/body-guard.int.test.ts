import { request as httpRequest } from 'node:http'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDatabase } from '#tests/db.ts'
import { startPortal } from '#tests/portal-app.ts'
import type { Sql } from '#services/db/sql.server.ts'

// The real portal (real routes, real database) behind the real HTTP layer: what a hostile sender on the
// open internet reaches.
let db: Sql
let drop: () => Promise<void>
let portal: Awaited<ReturnType<typeof startPortal>>
beforeAll(async () => {
  ;({ db, drop } = await freshDatabase())
  portal = await startPortal()
  // Vite compiles the routes on first use; a first page view keeps that out of the tests' requests.
  expect((await send('GET', PAGE)).status).toBe(200)
})
afterAll(async () => {
  await portal?.close()
  await drop()
})

const TOKEN = 'k'.repeat(43)
const PAGE = '/e-tjanster/felanmalan/kategori'
const BOUNDARY = '----portalprov'

/**
 * One post on a connection of its own: a reused keep-alive socket that the server is just closing would
 * fail the request on the client's side, which says nothing about the server's answer.
 */
function send(method: 'GET' | 'POST', path: string, body = '' as string | Buffer, contentType?: string): Promise<{ status: number; headers: Record<string, unknown>; text: () => Promise<string> }> {
  const headers: Record<string, string | number> = { cookie: `csrf=${TOKEN}` }
  if (method === 'POST') headers['content-length'] = Buffer.byteLength(body)
  if (contentType) headers['content-type'] = contentType
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${portal.base}${path}`, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      const text = new Promise<string>((r) => res.on('end', () => r(Buffer.concat(chunks).toString())))
      resolve({ status: res.statusCode!, headers: res.headers, text: () => text })
    })
    req.on('error', reject)
    req.end(body)
  })
}
const post = (body: string | Buffer, contentType: string | undefined, path = PAGE) => send('POST', path, body, contentType)

const multipart = (parts: (string | Buffer)[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)))
const field = (name: string, value: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`
const MULTIPART = `multipart/form-data; boundary=${BOUNDARY}`

const draftCount = async () => Number((await db`select count(*)::int as n from drafts`)[0]!.n)

/** A calm page in Swedish with English beside it: no stack trace, no library's words. */
async function expectCalmRefusal(r: { status: number; text: () => Promise<string> }, status: number, heading: RegExp) {
  expect(r.status).toBe(status)
  const html = await r.text()
  expect(html).toMatch(/<html lang="sv">/)
  expect(html).toMatch(heading)
  expect(html).not.toMatch(/Error|at .*\.(js|ts):\d+|busboy|FormData|Unexpected/)
}

describe('form posts that pass the guard', () => {
  it('reach the page action unchanged: a urlencoded and a multipart post each save their answer', async () => {
    const before = await draftCount()
    const plain = await post(new URLSearchParams({ _csrf: TOKEN, category: 'klotter' }).toString(), 'application/x-www-form-urlencoded')
    expect(plain.status).toBe(302)
    expect(plain.headers.location).toBe('/e-tjanster/felanmalan/plats')
    const multi = await post(multipart([field('_csrf', TOKEN), field('category', 'lekplats'), `--${BOUNDARY}--\r\n`]), MULTIPART)
    expect(multi.status).toBe(302)
    const rows = await db<{ category: string }[]>`select answers->>'category' as category from drafts order by created_at desc limit 2`
    expect(rows.map((r) => r.category).sort()).toEqual(['klotter', 'lekplats'])
    expect(await draftCount()).toBe(before + 2)
  })
})

describe('hostile or broken bodies', () => {
  it('answer 413 to three million keys before the body has even arrived, while /healthz keeps answering', async () => {
    const keys = Buffer.from(Array.from({ length: 3_000_000 }, (_, i) => `k${i}=1`).join('&'))
    const firstPart = keys.subarray(0, 1024 * 1024)
    const { status, html, finish } = await new Promise<{ status: number; html: Promise<string>; finish: () => void }>((resolve, reject) => {
      const req = httpRequest(`${portal.base}${PAGE}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': keys.length, cookie: `csrf=${TOKEN}` },
      }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        resolve({
          status: res.statusCode!,
          html: new Promise((r) => res.on('end', () => r(Buffer.concat(chunks).toString()))),
          // The rest of the body, sent only after the answer came: the server did not wait for it.
          finish: () => req.end(keys.subarray(firstPart.length)),
        })
      })
      req.on('error', reject)
      req.write(firstPart)
    })
    const health = await Promise.all([1, 2, 3].map(() => send('GET', '/healthz').then((r) => r.status)))
    finish()
    expect(status).toBe(413)
    expect(await html).toContain('Formuläret är för stort')
    expect(health).toEqual([200, 200, 200])
  })

  it('refuse JSON, text/plain and a post without a type with 400 and a calm page', async () => {
    await expectCalmRefusal(await post(JSON.stringify({ _csrf: TOKEN, category: 'klotter' }), 'application/json'), 400, /Formuläret kunde inte läsas/)
    await expectCalmRefusal(await post(`_csrf=${TOKEN}\ncategory=klotter`, 'text/plain'), 400, /inte ett formulär från den här webbplatsen/)
    await expectCalmRefusal(await post('', undefined), 400, /Formuläret kunde inte läsas/)
  })

  it('refuse broken multipart: a wrong boundary, a missing boundary and a truncated body', async () => {
    const body = multipart([field('_csrf', TOKEN), field('category', 'klotter'), `--${BOUNDARY}--\r\n`])
    await expectCalmRefusal(await post(body, 'multipart/form-data; boundary=annan'), 400, /kom inte fram helt/)
    await expectCalmRefusal(await post(body, 'multipart/form-data'), 400, /kom inte fram helt/)
    await expectCalmRefusal(await post(body.subarray(0, body.length - 30), MULTIPART), 400, /kom inte fram helt/)
  })

  it('refuse a file name in latin-1 bytes', async () => {
    const latin1 = Buffer.from('b\xe4nk.jpg', 'latin1')
    const body = multipart([field('_csrf', TOKEN),
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="photos"; filename="`, latin1, '"\r\nContent-Type: image/jpeg\r\n\r\n', Buffer.from([0xff, 0xd8, 0xff]), '\r\n',
      `--${BOUNDARY}--\r\n`])
    await expectCalmRefusal(await post(body, MULTIPART), 400, /Filnamnet kunde inte läsas/)
  })

  it('refuse NUL in a field, in multipart and in the address before PostgreSQL sees it', async () => {
    const before = await draftCount()
    await expectCalmRefusal(await post(`_csrf=${TOKEN}&category=klotter&description=a%00b`, 'application/x-www-form-urlencoded'), 400, /osynligt tecken \(NUL\)/)
    await expectCalmRefusal(await post(multipart([field('_csrf', TOKEN), field('category', 'kl\u0000otter'), `--${BOUNDARY}--\r\n`]), MULTIPART), 400, /NUL/)
    await expectCalmRefusal(await send('GET', `${PAGE}?andra=%00`), 400, /NUL/)
    expect(await draftCount()).toBe(before)
  })

  it('refuse a field longer than any page asks for with 413', async () => {
    await expectCalmRefusal(await post(`_csrf=${TOKEN}&category=${'x'.repeat(200 * 1024)}`, 'application/x-www-form-urlencoded'), 413, /Texten är för lång/)
  })

  it('refuse a CSRF token as long as the cookie’s in characters but not in bytes with 403, not 500', async () => {
    // "å" is one character and two UTF-8 bytes: the byte-wise comparison must see lengths that differ, not throw.
    const r = await post(new URLSearchParams({ _csrf: 'å'.repeat(TOKEN.length), category: 'klotter' }).toString(), 'application/x-www-form-urlencoded')
    expect(r.status).toBe(403)
    expect(await r.text()).not.toMatch(/RangeError|Input buffers/)
  })
})

describe('any body from anyone', () => {
  it('gets an answer below 500 from the real page, valid CSRF token or not', async () => {
    const type = fc.constantFrom('application/x-www-form-urlencoded', MULTIPART, 'multipart/form-data; boundary=x', 'application/json', 'text/plain', undefined)
    const value = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom('klotter', 'lekplats', '', '\u0000', 'x'.repeat(3000)))
    const fields = fc.array(fc.tuple(fc.constantFrom('_csrf', 'category', '_action', 'description', 'category.0', 'x'), value), { maxLength: 8 })
    const body = fc.tuple(type, fields, fc.boolean(), fc.nat()).map(([t, pairs, withToken, cut]) => {
      const all: [string, string][] = withToken ? [['_csrf', TOKEN], ...pairs] : pairs
      const raw = t?.startsWith('multipart') ? multipart([...all.map(([n, v]) => field(n, v)), `--${BOUNDARY}--\r\n`])
        : Buffer.from(new URLSearchParams(all).toString())
      // Some bodies arrive cut short.
      return { type: t, bytes: cut % 5 === 0 ? raw.subarray(0, cut % (raw.length + 1)) : raw }
    })
    await fc.assert(fc.asyncProperty(body, fc.constantFrom(PAGE, '/e-tjanster/felanmalan/plats', '/logga-ut'), async ({ type, bytes }, path) => {
      const r = await post(bytes, type, path)
      expect(r.status).toBeLessThan(500)
      expect(await r.text()).not.toMatch(/at .*\.(js|ts):\d+/)
    }), { numRuns: 60 })
  })
})
