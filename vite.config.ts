import { reactRouter } from '@react-router/dev/vite'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import fullPhonePlan from 'libphonenumber-js/min/metadata'
import { defineConfig, type Plugin } from 'vite'
import { BROWSER_CALLING_CODES, partialPlan } from './forms/kit/kinds/phone-plan.ts'
import { precompress } from './scripts/vite-precompress.ts'

/** What the browser gets instead of React (ADR 052): Preact's compatibility layer; the server keeps React. */
const PREACT: Record<string, string> = {
  react: 'preact/compat',
  'react-dom': 'preact/compat',
  'react-dom/client': 'preact/compat/client',
  'react/jsx-runtime': 'preact/jsx-runtime',
  'react/jsx-dev-runtime': 'preact/jsx-dev-runtime',
}

/**
 * React Router's production build for the browser: its package names only the development build, which keeps
 * the development warnings (half a kilobyte of every page). The same code with the warnings switched off.
 */
const routerDist = join(dirname(createRequire(import.meta.url).resolve('react-router/package.json')), 'dist/production')
const ROUTER: Record<string, string> = {
  'react-router': join(routerDist, 'index.mjs'),
  'react-router/dom': join(routerDist, 'dom-export.mjs'),
}

/**
 * Swaps React for Preact in the client build, never on the server. `npm run dev` keeps React in the browser
 * too: its hot reload (React Refresh) and warnings are React's, and the tests run the production build.
 */
function preactInBrowser(): Plugin {
  return {
    name: 'preact-in-browser',
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (this.environment.name !== 'client') return null
      if (ROUTER[source]) return ROUTER[source]
      const target = PREACT[source]
      if (!target) return null
      return this.resolve(target, importer, { ...options, skipSelf: true })
    },
  }
}

/**
 * The browser's telephone numbering plans are the Nordic countries' only (ADR 054): every country's is 19 kB of
 * each page that asks for a number. The server keeps every country's plan and judges every number.
 */
function partialPhonePlanInBrowser(): Plugin {
  return {
    name: 'partial-phone-plan-in-browser',
    apply: 'build',
    load(id) {
      if (this.environment.name !== 'client' || !/[\\/]libphonenumber-js[\\/]metadata\.min\.json\.js$/.test(id)) return null
      return `export default ${JSON.stringify(partialPlan(fullPhonePlan, BROWSER_CALLING_CODES))}`
    },
  }
}

export default defineConfig({
  plugins: [preactInBrowser(), partialPhonePlanInBrowser(), reactRouter(), precompress()],
  build: {
    sourcemap: false,
    // A chunk fetched on demand loads its own imports when it runs; the preloading helper and its lists of files
    // cost every form page more than the round trip they save (ADR 053).
    modulePreload: false,
    // Rolldown merges modules shared by a page and a chunk fetched on demand into that chunk, so the page then
    // loads the whole chunk at once: the kinds fetched on demand (ADR 053) would all come with every form page.
    rolldownOptions: {
      experimental: { chunkOptimization: { mergeCommonChunks: false } },
      // The kit and the validators it wraps only define things; told so, the bundler leaves a kind's module (and
      // its library) out of a page that does not use it, although the kit's index re-exports from it.
      treeshake: { moduleSideEffects: (id: string) => !/\/forms\/kit\/|\/node_modules\/(personnummer|organisationsnummer|libphonenumber-js)\//.test(id) },
    },
  },
  environments: {
    client: {
      build: {
        // What every page loads before it can hydrate (the client entry, the root route and what they import: React
        // Router, Preact, the interface texts) as one file instead of about ten: each small file compresses on its
        // own and poorly, so the one file is 3 kB lighter, and a phone on a slow network makes fewer requests.
        rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'base', test: /app[\\/]root\.tsx$|[\\/]node_modules[\\/](react-router|preact)[\\/]/ }] } } },
      },
    },
  },
})
