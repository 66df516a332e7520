import { createElement, useEffect, useState, type ComponentProps } from 'react'
import type * as KioskChrome from './kiosk-chrome.tsx'

type Chrome = typeof KioskChrome

let chrome: Chrome | null = null
let loading: Promise<void> | null = null

/**
 * The kiosk's chrome, fetched on demand (ADR 053). A kiosk's page (its `<html>` has the class `kiosk`) fetches
 * it before it hydrates (`app/entry.client.tsx`); a browser that becomes a kiosk inside the app draws the chrome
 * as soon as it has come. A failed fetch rejects, and the next call tries again.
 */
export function loadKioskChrome(): Promise<void> {
  loading ??= import('./kiosk-chrome.tsx').then(
    (m) => {
      chrome = m
    },
    (error: unknown) => {
      loading = null
      throw error
    },
  )
  return loading
}

function useChrome(): Chrome | null {
  const [, setLoaded] = useState(false)
  useEffect(() => {
    if (!chrome) loadKioskChrome().then(() => setLoaded(true), () => {})
  }, [])
  return chrome
}

export function KioskHeader(props: ComponentProps<Chrome['KioskHeader']>) {
  const loaded = useChrome()
  return loaded ? createElement(loaded.KioskHeader, props) : null
}

export function KioskFooter(props: ComponentProps<Chrome['KioskFooter']>) {
  const loaded = useChrome()
  return loaded ? createElement(loaded.KioskFooter, props) : null
}
