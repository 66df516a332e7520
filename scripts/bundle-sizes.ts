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
 * A citizen's e-service page carries a form (its schema, react-hook-form, the kit's kinds). Staff pages live under
 * routes/staff (registering a form or a contact for a caller among them), kiosk pages under routes/kiosk, the
 * simulator and dev tools under routes/dev.
 */
const FORM_ROUTE = 'routes/eservice/page'

export function kindOf(id: string): RouteKind {
  if (id === FORM_ROUTE) return 'form'
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

/** The chunks a chunk imports statically (`import … from"./x.js"`, `import"./x.js"`), as /assets/ paths. */
function staticImports(clientDir: string, file: string): string[] {
  const code = readFileSync(join(clientDir, file), 'utf8')
  return [...code.matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([\w.-]+\.js)["']/g)].map((m) => `/assets/${m[1]}`)
}

/** A chunk and everything it imports statically, transitively. */
function closure(clientDir: string, roots: string[]): Set<string> {
  const seen = new Set<string>()
  const stack = [...roots]
  while (stack.length) {
    const f = stack.pop()!
    if (seen.has(f)) continue
    seen.add(f)
    stack.push(...staticImports(clientDir, f))
  }
  return seen
}

/**
 * The chunks fetched on demand for a kind (ADR 053): the kit's check (`<kind>-<hash>.js`) and, for kinds with
 * their own input, the input (`<kind>-input-<hash>.js`), named by the bundler after their modules. A kind
 * fetched on demand without a check chunk found here is an error, so a renamed module cannot pass unmeasured.
 */
export function kindChunks(clientDir: string, kind: string): string[] {
  // Two when the input shares the kind's module: the dynamic import's small facade and the shared chunk.
  const check = chunksNamed(clientDir, kind)
  if (!check.length) throw new Error(`No chunk for the kind "${kind}", which the browser fetches on demand`)
  return [...check, ...chunksNamed(clientDir, `${kind}-input`)]
}

/** The chunks the bundler named after a module (`<name>-<hash>.js`), as /assets/ paths. */
function chunksNamed(clientDir: string, name: string): string[] {
  const re = new RegExp(`^${name}-[\\w-]{8}\\.js$`)
  return readdirSync(join(clientDir, 'assets')).filter((f) => re.test(f)).map((f) => `/assets/${f}`)
}

export type PageBundle = { page: string; gzipBytes: number; onDemandBytes: number }

/** The chunk fetched on demand for a module, named by the bundler after it (`kiosk-chrome-<hash>.js`). */
export function chunkOf(clientDir: string, name: string): string {
  const found = chunksNamed(clientDir, name)
  if (found.length !== 1) throw new Error(`Expected one chunk for ${name}, found ${found.length}`)
  return found[0]!
}

/** A route with chunks it fetches on demand, and what they import that the route did not already bring. */
export function withOnDemand(clientDir: string, route: RouteBundle, chunks: string[]): RouteBundle {
  const inRoute = new Set(route.files.map((f) => f.file))
  const extra = [...closure(clientDir, chunks)].filter((f) => !inRoute.has(f))
    .map((file) => ({ file, gzipBytes: gzipSync(readFileSync(join(clientDir, file))).length }))
  const files = [...route.files, ...extra].sort((a, b) => b.gzipBytes - a.gzipBytes)
  return { ...route, files, gzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0) }
}

/**
 * What one e-service page loads in all: its route's JavaScript, then the chunks of its questions' kinds that
 * are fetched on demand, with what they import that the route did not already bring.
 */
export function pageBundle(clientDir: string, route: RouteBundle, page: string, chunksOfKinds: string[]): PageBundle {
  const all = withOnDemand(clientDir, route, chunksOfKinds)
  return { page, gzipBytes: all.gzipBytes, onDemandBytes: all.gzipBytes - route.gzipBytes }
}
