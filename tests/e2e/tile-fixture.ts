import { readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import sharp from 'sharp'
import { setEnv } from '#services/env.server.ts'

/** Where the fixture's tiles are served from; the map test checks the browser asked nothing else. */
export const TILE_HOST = '127.0.0.1'

/**
 * The map's tiles for the end-to-end tests, offline (ADR 036): a tile server on this machine that answers
 * every {z}/{x}/{y} with one small PNG drawn here (a pale square with a grid line, enough for Leaflet to
 * lay out and for a tap to land on), and a copy of the municipality profile whose `map` names it. Sets
 * MUNICIPALITY_CONFIG, so the portal started after this in the same process reads that copy; the real
 * profile's tile server is never contacted by a test.
 */
export async function useTileFixture(name: string): Promise<string> {
  const tile = await sharp({ create: { width: 256, height: 256, channels: 3, background: '#eef0e6' } })
    .composite([{ input: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"><path d="M0 0H256V256" fill="none" stroke="#c8ccbc" stroke-width="2"/></svg>') }])
    .png().toBuffer()
  const server = createServer((req, res) => {
    if (!/^\/\d+\/\d+\/\d+\.png$/.test(req.url ?? '')) return res.writeHead(404).end()
    res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'max-age=3600' }).end(tile)
  })
  await new Promise<void>((resolve) => server.listen(0, TILE_HOST, resolve))
  server.unref()
  const url = `http://${TILE_HOST}:${(server.address() as AddressInfo).port}/{z}/{x}/{y}.png`
  const source = process.env.MUNICIPALITY_CONFIG ?? 'config/municipality.json'
  const profile = JSON.parse(readFileSync(source, 'utf8')) as { map?: Record<string, unknown> & { tiles?: Record<string, unknown> } }
  profile.map = { ...profile.map, tiles: { url, attribution: 'Testkarta', maxZoom: 19 } }
  mkdirSync('.data', { recursive: true })
  const path = `.data/${name}-profile.json`
  writeFileSync(path, JSON.stringify(profile, null, 2))
  // setEnv for this process, whose settings may have been read already; process.env for what it starts.
  process.env.MUNICIPALITY_CONFIG = path
  setEnv({ MUNICIPALITY_CONFIG: path })
  return url
}
