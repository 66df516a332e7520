import { useMatches } from 'react-router'
import type { RootData } from './root-data.ts'

/**
 * A page's `handle` that says it needs no JavaScript: reading pages a visitor may land on first (the start page,
 * an e-service's start page, accessibility and privacy, not found). Their links and forms are plain HTML, so an
 * anonymous visitor gets them with no script at all: no React, React DOM or React Router (106 kB gzipped) to
 * fetch, parse and hydrate on a phone before the page has answered (ADR 051).
 */
export const SCRIPT_FREE = { scriptFree: true } as const

/**
 * Whether this response leaves the scripts out. Only when the server renders it: a page that runs in the browser
 * was sent with its scripts and keeps them while the visitor moves on. Never for a logged-in citizen (the
 * session timeout warning runs in the browser, WCAG 2.2.1), on a kiosk (its idle reset does) or on staff pages.
 */
export function useScriptFree(data: RootData | undefined, staff: boolean): boolean {
  const matches = useMatches()
  if (typeof document !== 'undefined' || staff || !data || data.citizen || data.kiosk) return false
  const leaf = matches.at(-1)?.handle as { scriptFree?: boolean } | undefined
  return leaf?.scriptFree === true
}
