import { useHydrated } from '../utils/use-hydrated.ts'

/** Printing needs JavaScript; without it the button is not offered (the browser's own print still works). */
export function PrintButton({ label }: { label: string }) {
  const hydrated = useHydrated()
  if (!hydrated) return null
  return <button type="button" className="button button--secondary" onClick={() => window.print()}>{label}</button>
}
