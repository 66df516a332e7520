import { useEffect, useRef } from 'react'

/**
 * Focus on the message that says how an action went, so a keyboard or screen reader user hears the result
 * where they are instead of starting again from the top of a reloaded page. `key` changes once per result
 * (a new action answer, a new location); nothing is focused while it is empty. Without JavaScript the
 * post lands on the page's `#resultat` anchor instead.
 */
export function useResultFocus<T extends HTMLElement>(key: unknown) {
  const ref = useRef<T>(null)
  useEffect(() => {
    if (key) ref.current?.focus()
  }, [key])
  return ref
}

/** The id of the result message, the anchor a post without JavaScript comes back to. */
export const RESULT_ID = 'resultat'
