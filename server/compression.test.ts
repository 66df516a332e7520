import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import type { ServerBuild } from 'react-router'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { isClientBuild, precompressDir } from '../scripts/vite-precompress.ts'
import { setEnv } from '#services/env.server.ts'
import { createApp } from './app.ts'

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }

/** A raw GET: fetch would undo the Content-Encoding that these tests are about. */
const get = (base: string, path: string, encoding?: string) =>
  new Promise<Answer>((resolve, reject) => {
    request(`${base}${path}`, { headers: encoding ? { 'accept-encoding': encoding } : {} }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
    }).on('error', reject).end()
  })

const decode = (a: Answer) =>
  (a.headers['content-encoding'] === 'br' ? brotliDecompressSync(a.body) : a.headers['content-encoding'] === 'gzip' ? gunzipSync(a.body) : a.body).toString('utf8')

const script = `export const texts = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `Felanmälan text nummer ${i}`))}\n`
const page = `<!doctype html><html lang="sv"><body>${'<p>Det här är en sida med text som går att packa.</p>'.repeat(200)}</body></html>`

let root: string
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'precompress-'))
  await mkdir(join(root, 'client', 'assets'), { recursive: true })
  await writeFile(join(root, 'client', 'assets', 'app-abc123.js'), script)
  await writeFile(join(root, 'client', 'assets', 'tiny.js'), 'export {}\n')
  await writeFile(join(root, 'client', 'assets', 'photo.png'), Buffer.alloc(4096, 7))
  await mkdir(join(root, 'client', 'styles'))
  await writeFile(join(root, 'client', 'styles', 'site.css'), 'body { margin: 0 }\n')
  await writeFile(join(root, 'client', 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  await precompressDir(join(root, 'client'))
})
afterAll(() => rm(root, { recursive: true, force: true }))

async function serve(): Promise<{ base: string; close: () => void }> {
  const app = createApp({
    build: async () => ({}) as ServerBuild, mode: 'production', bodyLimitMb: 1, clientDir: join(root, 'client'),
    extraMiddleware: [
      (req, res, next) => {
        if (req.path === '/test-page') return void res.type('html').send(page)
        if (req.path === '/test-events') return void res.type('text/event-stream').send(`data: ${'x'.repeat(4000)}\n\n`)
        next()
      },
    ],
  })
  const server = app.listen(0)
  await new Promise((r) => server.once('listening', r))
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() }
}

describe('precompressed assets (scripts/vite-precompress.ts)', () => {
  it('writes .br and .gz copies of text assets that decompress to the original, and none for tiny or binary files', async () => {
    const dir = join(root, 'client', 'assets')
    expect(brotliDecompressSync(await readFile(join(dir, 'app-abc123.js.br'))).toString()).toBe(script)
    expect(gunzipSync(await readFile(join(dir, 'app-abc123.js.gz'))).toString()).toBe(script)
    await expect(readFile(join(dir, 'tiny.js.br'))).rejects.toThrow()
    await expect(readFile(join(dir, 'photo.png.br'))).rejects.toThrow()
  })

  it('only compresses the browser build, never the server bundle', () => {
    expect(isClientBuild('/srv/portal/build/client')).toBe(true)
    expect(isClientBuild('/srv/portal/build/server')).toBe(false)
    expect(isClientBuild(undefined)).toBe(false)
  })
})

describe('compressed responses', () => {
  afterEach(() => setEnv({ COMPRESSION: undefined }))

  it('serves an asset as brotli when accepted, gzip otherwise, plain to a client that accepts neither; with Vary and the long cache', async () => {
    const { base, close } = await serve()
    try {
      const br = await get(base, '/assets/app-abc123.js', 'gzip, deflate, br')
      expect(br.headers['content-encoding']).toBe('br')
      expect(br.headers.vary).toMatch(/Accept-Encoding/i)
      expect(br.headers['content-type']).toMatch(/javascript/)
      expect(br.headers['cache-control']).toMatch(/immutable/)
      expect(br.body.length).toBeLessThan(Buffer.byteLength(script) / 3)
      expect(decode(br)).toBe(script)
      const gz = await get(base, '/assets/app-abc123.js', 'gzip')
      expect(gz.headers['content-encoding']).toBe('gzip')
      expect(decode(gz)).toBe(script)
      const plain = await get(base, '/assets/app-abc123.js')
      expect(plain.headers['content-encoding']).toBeUndefined()
      expect(plain.body.toString()).toBe(script)
    } finally {
      close()
    }
  })

  it('compresses HTML on the fly, but never an event stream', async () => {
    const { base, close } = await serve()
    try {
      const html = await get(base, '/test-page', 'br, gzip')
      expect(html.headers['content-encoding']).toBe('br')
      expect(decode(html)).toBe(page)
      expect(html.body.length).toBeLessThan(Buffer.byteLength(page) / 5)
      expect((await get(base, '/test-page', 'gzip')).headers['content-encoding']).toBe('gzip')
      const events = await get(base, '/test-events', 'br, gzip')
      expect(events.headers['content-encoding']).toBeUndefined()
    } finally {
      close()
    }
  })

  it('sends everything as is with COMPRESSION=off, for a proxy that compresses', async () => {
    setEnv({ COMPRESSION: 'off' })
    const { base, close } = await serve()
    try {
      expect((await get(base, '/test-page', 'br, gzip')).headers['content-encoding']).toBeUndefined()
      const asset = await get(base, '/assets/app-abc123.js', 'br, gzip')
      expect(asset.headers['content-encoding']).toBeUndefined()
      expect(asset.body.toString()).toBe(script)
    } finally {
      close()
    }
  })

  it('serves the build\'s top-level files and folders, and leaves every other path to the portal', async () => {
    const { base, close } = await serve()
    try {
      const favicon = await get(base, '/favicon.svg')
      expect(favicon.status).toBe(200)
      expect(favicon.headers['content-type']).toMatch(/svg/)
      expect((await get(base, '/styles/site.css')).body.toString()).toBe('body { margin: 0 }\n')
      // A page's path is the portal's even where a file of that name could be looked for.
      expect(decode(await get(base, '/test-page'))).toBe(page)
      // A malformed path is the portal's to refuse (400), not a crash in the file lookup.
      expect((await get(base, '/%E0%A4%A')).status).toBe(400)
    } finally {
      close()
    }
  })
})
