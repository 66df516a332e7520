import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { EXTRA_KIND_NAMES, isExtraKind, kindsAsked } from '../forms/kit/kinds/extra-names.ts'
import { FORMS } from '../forms/registry.ts'
import { chunkOf, kindChunks, pageBundle, routeBundles, withOnDemand, type RouteKind } from './bundle-sizes.ts'

/**
 * Part of `npm test` (after the build, before the browser tests): fails when a route's JavaScript, gzipped and
 * summed over everything the route loads, is over its kind's budget, and prints the largest files of each route
 * over it. Not a timing test: the sizes are the same on every machine for the same code.
 *
 * Every route is held to the issue's goals: 90 kB for what a citizen's page loads, 150 kB for a staff page
 * (Preact in the browser, ADR 052; a form page's kinds fetched on demand, ADR 053).
 *
 * Chunks a page fetches only when it needs them are in no route's sum; they are listed after the sums. Each
 * e-service page is then summed with the kinds it fetches (the personnummer check, file and giro inputs, …),
 * which is what that page loads before it hydrates, and held to the form budget too. Two chunks come later and
 * are in no page's sum, as they come only when the citizen does something: the map, fetched when it is drawn,
 * and the telephone check (libphonenumber with the Nordic numbering plans, ADR 054), fetched when a number is
 * typed (ADR 055); the page list shows what a page with a telephone question loads once a number is typed. A
 * kiosk's chrome, fetched on demand too, is counted in every kiosk route (on a kiosk a form page loads it as
 * well: the figures below plus 2–3 kB).
 */
const BUDGET_KB: Record<RouteKind, number> = { form: 90, citizen: 90, kiosk: 90, staff: 150, dev: 90 }

const clientDir = process.argv[2] ?? 'build/client'
// A kiosk's pages fetch the kiosk's chrome before they hydrate (ADR 053): counted in every kiosk route.
const kioskChrome = chunkOf(clientDir, 'kiosk-chrome')
const bundles = routeBundles(clientDir).map((b) => (b.kind === 'kiosk' ? withOnDemand(clientDir, b, [kioskChrome]) : b))
const over = bundles.filter((b) => b.gzipBytes > BUDGET_KB[b.kind] * 1024)
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`
for (const kind of Object.keys(BUDGET_KB) as RouteKind[]) {
  const of = bundles.filter((b) => b.kind === kind)
  if (!of.length) continue
  const heaviest = of.reduce((a, b) => (b.gzipBytes > a.gzipBytes ? b : a))
  console.info(`JavaScript per ${kind} route (gzip): heaviest ${heaviest.id} ${kb(heaviest.gzipBytes)}, budget ${BUDGET_KB[kind]} kB`)
}
const inSums = new Set(bundles.flatMap((b) => b.files.map((f) => f.file)))
const onDemand = readdirSync(join(clientDir, 'assets'))
  .filter((f) => f.endsWith('.js') && !/^manifest-/.test(f) && !inSums.has(`/assets/${f}`))
  .map((f) => ({ f, gzipBytes: gzipSync(readFileSync(join(clientDir, 'assets', f))).length }))
  .filter((c) => c.gzipBytes > 1024)
if (onDemand.length) console.info(`Fetched on demand, in no sum above: ${onDemand.map((c) => `${c.f} ${kb(c.gzipBytes)}`).join(', ')}`)

// Each e-service page in all: its route and the kinds it fetches on demand.
const formRoute = bundles.find((b) => b.kind === 'form')!
const chunksOf = new Map(EXTRA_KIND_NAMES.map((k) => [k, kindChunks(clientDir, k)]))
// The telephone check, fetched when a number is typed (ADR 055).
const phoneCheck = chunkOf(clientDir, 'phone-numbers')
const pages = FORMS.flatMap((def) => def.pages.map((page) => {
  const kinds = kindsAsked(page.fields)
  const chunks = kinds.flatMap((k) => (isExtraKind(k) ? chunksOf.get(k)! : []))
  const name = `${def.id}/${page.id}`
  const typed = kinds.includes('phone') ? pageBundle(clientDir, formRoute, name, [...chunks, phoneCheck]).gzipBytes : undefined
  return { ...pageBundle(clientDir, formRoute, name, chunks), typed }
}))
const heaviestPage = pages.reduce((a, b) => (b.gzipBytes > a.gzipBytes ? b : a))
console.info(`JavaScript per e-service page with its kinds fetched on demand (gzip): heaviest ${heaviestPage.page} ${kb(heaviestPage.gzipBytes)}`)
for (const p of pages.sort((a, b) => b.gzipBytes - a.gzipBytes)) {
  const typed = p.typed ? `; ${kb(p.typed)} once a telephone number is typed` : ''
  console.info(`  ${kb(p.gzipBytes).padStart(9)}  ${p.page} (${kb(p.onDemandBytes)} on demand${typed})`)
}
const pagesOver = pages.filter((p) => p.gzipBytes > BUDGET_KB.form * 1024)
for (const p of pagesOver) console.error(`${p.page} loads ${kb(p.gzipBytes)} with its kinds, over the form budget of ${BUDGET_KB.form} kB`)

for (const b of over) {
  console.error(`${b.id} loads ${kb(b.gzipBytes)} of JavaScript, over the ${b.kind} budget of ${BUDGET_KB[b.kind]} kB. Largest files:`)
  for (const f of b.files.slice(0, 5)) console.error(`  ${kb(f.gzipBytes).padStart(9)}  ${f.file}`)
}
if (over.length || pagesOver.length) process.exit(1)
