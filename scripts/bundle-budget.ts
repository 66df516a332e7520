import { routeBundles, type RouteKind } from './bundle-sizes.ts'

/**
 * Part of `npm test` (after the build, before the browser tests): fails when a route's JavaScript, gzipped and
 * summed over everything the route loads, is over its kind's budget, and prints the largest files of each route
 * over it. Not a timing test: the sizes are the same on every machine for the same code.
 *
 * The budgets hold what has been won (docs/performance.md): React, React DOM and React Router alone are about
 * 108 kB, so the goals (citizen pages 90 kB, staff pages 150 kB) need pages that hydrate less; until
 * then a change that makes a page heavier than today fails here instead of slipping through.
 */
const BUDGET_KB: Record<RouteKind, number> = { form: 185, citizen: 119, kiosk: 119, staff: 128, dev: 117 }

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
