import { useSyncExternalStore } from 'react'

const subscribe = () => () => {}

/** False during the server render and hydration, true after: for enhancements that need the browser. */
export function useHydrated(): boolean {
  return useSyncExternalStore(subscribe, () => true, () => false)
}
