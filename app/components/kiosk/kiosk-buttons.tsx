import { useFetcher, useLocation } from 'react-router'
import { useRootData } from '#app/root-data.ts'
import { useHydrated } from '#app/utils/use-hydrated.ts'
import { useKioskT } from './texts.ts'

export const END_FORM_ID = 'kiosk-end'

/**
 * "Avsluta": a plain form, never a client-side navigation, so the browser loads the start screen as a new
 * document and nothing of the visit stays in the page's memory.
 */
export function EndVisitButton() {
  const root = useRootData()
  const t = useKioskT()
  return (
    <form method="post" action="/kiosk/avsluta" id={END_FORM_ID} className="kiosk-tools__form">
      <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
      <button type="submit" className="button button--warning kiosk-tools__item">{t('end')}</button>
    </form>
  )
}

type HelpResult = { ok: boolean }

/**
 * "Få hjälp av personal". With JavaScript the request goes in the background, so nothing typed on the page
 * is lost, and the answer is announced; without it, the form leads to a page that confirms it. The message
 * is the visitor's alone: the way in for staff is in the footer (StaffAssistLink), not offered to them here.
 */
export function HelpButton() {
  const root = useRootData()
  const t = useKioskT()
  const location = useLocation()
  const hydrated = useHydrated()
  // One per page: the confirmation belongs to the page it was asked from and goes when the visitor moves on.
  const fetcher = useFetcher<HelpResult>({ key: `kiosk-help:${location.pathname}` })
  const state = fetcher.state !== 'idle' ? 'sending' : fetcher.data ? (fetcher.data.ok ? 'sent' : 'failed') : 'none'
  return (
    <fetcher.Form method="post" action="/kiosk/hjalp" className="kiosk-tools__form kiosk-tools__form--help">
      <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
      <input type="hidden" name="sida" value={location.pathname} />
      {hydrated && <input type="hidden" name="js" value="1" />}
      <button type="submit" className="button kiosk-tools__item" disabled={state === 'sending'}>{t('help')}</button>
      <span role="status" className={state === 'sent' || state === 'failed' ? 'kiosk-help-status' : 'visually-hidden'}>
        {state === 'sending' ? t('helpSending') : state === 'sent' ? t('helpSent') : state === 'failed' ? t('helpFailed') : ''}
      </span>
    </fetcher.Form>
  )
}
