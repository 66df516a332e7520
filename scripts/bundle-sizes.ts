import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

/**
 * What each route makes a browser load: the client entry, then every route module from the root down to it
 * with their imports, as React Router's build manifest lists them. Sizes are gzip's (what most browsers are
 * sent when brotli is not accepted, and the measure), per file and summed over the route's files.
 */
export type RouteKind = 'form' | 'citizen' | 'staff' | 'kiosk' | 'dev'
export type RouteBundle = { id: string; kind: RouteKind; gzipBytes: number; files: { file: string; gzipBytes: number }[] }

type ManifestEntry = { module: string; imports?: string[] }
type Manifest = { entry: ManifestEntry; routes: Record<string, ManifestEntry & { id: string; parentId?: string }> }

export function readManifest(clientDir: string): Manifest {
  const assets = join(clientDir, 'assets')
  const name = readdirSync(assets).find((f) => /^manifest-.*\.js$/.test(f))
  if (!name) throw new Error(`No React Router manifest in ${assets}: run npm run build first`)
  const text = readFileSync(join(assets, name), 'utf8')
  return JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1)) as Manifest
}

/**
 * Pages that carry an e-service's form (its schemas, react-hook-form, the validators): a citizen's form page,
 * staff registering a form for a caller, and staff registering a contact (the kit's fields). Other staff pages live under routes/staff, kiosk pages under
 * routes/kiosk, the simulator and dev tools under routes/dev.
 */
const FORM_ROUTES = new Set(['routes/eservice/page', 'routes/staff/register-form', 'routes/staff/contact'])

export function kindOf(id: string): RouteKind {
  if (FORM_ROUTES.has(id)) return 'form'
  if (/^routes\/staff\b/.test(id)) return 'staff'
  if (/^routes\/kiosk\b/.test(id)) return 'kiosk'
  if (/^routes\/dev\b/.test(id)) return 'dev'
  return 'citizen'
}

export function routeBundles(clientDir: string): RouteBundle[] {
  const manifest = readManifest(clientDir)
  const sizes = new Map<string, number>()
  const gz = (file: string) => {
    let n = sizes.get(file)
    if (n === undefined) sizes.set(file, (n = gzipSync(readFileSync(join(clientDir, file))).length))
    return n
  }
  const filesOf = (e: ManifestEntry) => [e.module, ...(e.imports ?? [])]
  return Object.values(manifest.routes).filter((r) => r.id !== 'root').map((route) => {
    const files = new Set(filesOf(manifest.entry))
    for (let r: typeof route | undefined = route; r; r = r.parentId ? manifest.routes[r.parentId] : undefined)
      for (const f of filesOf(r)) files.add(f)
    const list = [...files].map((file) => ({ file, gzipBytes: gz(file) })).sort((a, b) => b.gzipBytes - a.gzipBytes)
    return { id: route.id, kind: kindOf(route.id), gzipBytes: list.reduce((n, f) => n + f.gzipBytes, 0), files: list }
  })
}
