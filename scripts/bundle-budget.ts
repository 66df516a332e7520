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
 * e-service page is then summed with the kinds it fetches (the telephone numbering plan, the personnummer check,
 * file and giro inputs, …), which is what that page loads in all; the map, fetched when it is drawn, is not in
 * it. A kiosk's chrome, fetched on demand too, is counted in every kiosk route (on a kiosk a form page loads it
 * as well: the figures below plus 2–3 kB). Every page is held to the form budget with its kinds, except the pages
 * asking for a telephone number, which are over it by the 10 kB of libphonenumber's parsing code (ADR 054,
 * docs/performance.md): `PHONE_PAGE_BUDGET_KB` holds what has been won there, so a change that makes such a page
 * heavier fails here instead of slipping through.
 */
const BUDGET_KB: Record<RouteKind, number> = { form: 90, citizen: 90, kiosk: 90, staff: 150, dev: 90 }
const PHONE_PAGE_BUDGET_KB = 99

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
const pages = FORMS.flatMap((def) => def.pages.map((page) => {
  const kinds = kindsAsked(page.fields)
  const bundle = pageBundle(clientDir, formRoute, `${def.id}/${page.id}`, kinds.flatMap((k) => (isExtraKind(k) ? chunksOf.get(k)! : [])))
  return { ...bundle, budgetKb: kinds.includes('phone') ? PHONE_PAGE_BUDGET_KB : BUDGET_KB.form }
}))
const heaviestPage = pages.reduce((a, b) => (b.gzipBytes > a.gzipBytes ? b : a))
console.info(`JavaScript per e-service page with its kinds fetched on demand (gzip): heaviest ${heaviestPage.page} ${kb(heaviestPage.gzipBytes)}`)
for (const p of pages.sort((a, b) => b.gzipBytes - a.gzipBytes)) console.info(`  ${kb(p.gzipBytes).padStart(9)}  ${p.page} (${kb(p.onDemandBytes)} on demand)`)
const pagesOver = pages.filter((p) => p.gzipBytes > p.budgetKb * 1024)
for (const p of pagesOver) console.error(`${p.page} loads ${kb(p.gzipBytes)} with its kinds, over its page budget of ${p.budgetKb} kB`)

for (const b of over) {
  console.error(`${b.id} loads ${kb(b.gzipBytes)} of JavaScript, over the ${b.kind} budget of ${BUDGET_KB[b.kind]} kB. Largest files:`)
  for (const f of b.files.slice(0, 5)) console.error(`  ${kb(f.gzipBytes).padStart(9)}  ${f.file}`)
}
if (over.length || pagesOver.length) process.exit(1)
