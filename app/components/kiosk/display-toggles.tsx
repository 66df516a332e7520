import { useFetcher, useLocation } from 'react-router'
import { useRootData } from '#app/root-data.ts'
import { useKioskT } from './texts.ts'
import type { KioskView } from './types.ts'

/**
 * Text size and contrast, as toggle buttons (aria-pressed). A real form post, so it works without
 * JavaScript; with it, the page stays and only the look changes.
 */
export function DisplayToggles({ kiosk }: { kiosk: KioskView }) {
  const root = useRootData()
  const t = useKioskT()
  const location = useLocation()
  const fetcher = useFetcher()
  // While a choice is on its way, show it already: the button must not seem to ignore a tap.
  const pending = fetcher.formData
  const largeText = pending?.has('text') ? pending.get('text') === 'large' : kiosk.largeText
  const highContrast = pending?.has('contrast') ? pending.get('contrast') === 'high' : kiosk.highContrast
  return (
    <fetcher.Form method="post" action="/kiosk/visning" className="kiosk-tools__form">
      <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
      <input type="hidden" name="tillbaka" value={location.pathname + location.search} />
      <button type="submit" name="text" value={largeText ? 'normal' : 'large'} aria-pressed={largeText} className="button button--secondary kiosk-tools__item">
        {t('largerText')}
      </button>
      <button type="submit" name="contrast" value={highContrast ? 'normal' : 'high'} aria-pressed={highContrast} className="button button--secondary kiosk-tools__item">
        {t('contrastOn')}
      </button>
    </fetcher.Form>
  )
}
