import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { HydratedRouter } from 'react-router/dom'
import { loadKioskChrome } from '#kiosk-chrome'
import { kindsNamedIn, loadFieldKinds } from './components/forms/field-kinds.ts'
import { loadPageMessages } from './i18n.ts'
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

/**
 * What the page draws that is fetched on demand: its interface texts (ADR 044), its questions' kinds and a kiosk's
 * chrome (ADR 053), so that hydration draws the page the server drew. Without them the page is not hydrated: it keeps working as plain
 * HTML, as it does without JavaScript, rather than be replaced by an error.
 */
async function pageParts(): Promise<boolean> {
  try {
    const kiosk = document.documentElement.classList.contains('kiosk')
    await Promise.all([loadPageMessages(document), loadFieldKinds(kindsNamedIn(document)), kiosk && loadKioskChrome()])
    return true
  } catch {
    return false
  }
}

void Promise.all([routerData(), pageParts()]).then(([, parts]) => {
  if (!parts) return
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <HydratedRouter />
      </StrictMode>,
    )
  })
})
