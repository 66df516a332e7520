import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { HydratedRouter } from 'react-router/dom'
import { teachPreactTheDocument } from './preact-document.ts'

// The production build runs Preact in the browser (ADR 052); `npm run dev` runs React, where this changes nothing.
if (!import.meta.env.DEV) teachPreactTheDocument()

/**
 * Resolves when React Router has decoded the data the server streamed into the page. Its router suspends the
 * first render until then, which React waits out at the root and Preact cannot: hydration starts after it.
 */
async function routerData(): Promise<void> {
  try {
    HydratedRouter({})
  } catch (suspended) {
    if (suspended instanceof Promise) await suspended
    else throw suspended
  }
}

void routerData().then(() =>
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <HydratedRouter />
      </StrictMode>,
    )
  }),
)
