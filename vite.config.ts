import { reactRouter } from '@react-router/dev/vite'
import { defineConfig, type Plugin } from 'vite'
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
      const target = PREACT[source]
      if (!target) return null
      return this.resolve(target, importer, { ...options, skipSelf: true })
    },
  }
}

export default defineConfig({
  plugins: [preactInBrowser(), reactRouter(), precompress()],
  build: { sourcemap: false },
})
