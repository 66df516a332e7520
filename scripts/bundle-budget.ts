import { routeBundles, type RouteKind } from './bundle-sizes.ts'

/**
 * Part of `npm test` (after the build, before the browser tests): fails when a route's JavaScript, gzipped and
 * summed over everything the route loads, is over its kind's budget, and prints the largest files of each route
 * over it. Not a timing test: the sizes are the same on every machine for the same code.
 *
 * Citizen, kiosk and staff pages are held to the goals (90 kB; staff 150 kB) since Preact runs the
 * pages in the browser (ADR 052). Form pages are not there yet (docs/performance.md): their budget holds what
 * has been won, so a change that makes them heavier fails here instead of slipping through.
 */
const BUDGET_KB: Record<RouteKind, number> = { form: 127, citizen: 90, kiosk: 90, staff: 150, dev: 90 }

const bundles = routeBundles(process.argv[2] ?? 'build/client')
const over = bundles.filter((b) => b.gzipBytes > BUDGET_KB[b.kind] * 1024)
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`
for (const kind of Object.keys(BUDGET_KB) as RouteKind[]) {
  const of = bundles.filter((b) => b.kind === kind)
  if (!of.length) continue
  const heaviest = of.reduce((a, b) => (b.gzipBytes > a.gzipBytes ? b : a))
  console.info(`JavaScript per ${kind} route (gzip): heaviest ${heaviest.id} ${kb(heaviest.gzipBytes)}, budget ${BUDGET_KB[kind]} kB`)
}
for (const b of over) {
  console.error(`${b.id} loads ${kb(b.gzipBytes)} of JavaScript, over the ${b.kind} budget of ${BUDGET_KB[b.kind]} kB. Largest files:`)
  for (const f of b.files.slice(0, 5)) console.error(`  ${kb(f.gzipBytes).padStart(9)}  ${f.file}`)
}
if (over.length) process.exit(1)
