import { useEffect, useState } from 'react'
import { Form, useNavigate } from 'react-router'
import { RFA_MESSAGES, type RfaCode } from '#services/bankid/messages.ts'
import type { OrderView } from '#services/bankid/view.ts'
import { t } from '#forms/kit/text.ts'
import type { Locale } from '#forms/kit/index.ts'
import { optionalMessage, translate } from '#app/i18n.ts'
import { useRootData } from '#app/root-data.ts'

/** How often the browser asks for the next QR code; the server collects from BankID every other time. */
const POLL_MS = 1000

/** BankID's message in the page's language: Swedish and English beside the code, others from the page's catalog. */
export const rfaText = (code: RfaCode, locale: Locale): string => optionalMessage(locale, `bankid.${code}`) ?? t(RFA_MESSAGES[code], locale)

export function messageText(message: OrderView['message'], locale: Locale): string | null {
  if (!message) return null
  return 'rfa' in message ? rfaText(message.rfa, locale) : translate(locale, message.portal)
}

/**
 * A running BankID order (render it with `key={view.id}` so a new order starts afresh): BankID's status line, the QR code (renewed every second) or the link that opens
 * the app on this device, and cancel / try again. Without JavaScript the page reloads itself every two
 * seconds (the meta refresh inside <noscript> applies only then); with it, it polls `statusHref`.
 */
export function OrderStatus({ initial, statusHref, action, locale }: { initial: OrderView; statusHref: string; action: string; locale: Locale }) {
  const [view, setView] = useState(initial)
  const navigate = useNavigate()
  const root = useRootData()
  const pending = view.state === 'pending'

  useEffect(() => {
    if (view.state === 'done' && view.next) navigate(view.next, { replace: true })
  }, [view, navigate])
  useEffect(() => {
    if (!pending) return
    let stopped = false
    const timer = setInterval(async () => {
      try {
        const res = await fetch(statusHref, { headers: { Accept: 'application/json' }, cache: 'no-store' })
        // 404: the order is gone (another tab, logged out): the page itself says what to do next.
        if (res.status === 404) return window.location.reload()
        if (!res.ok || stopped) return
        setView((await res.json()) as OrderView)
      } catch {
        // A dropped connection on a phone: the next tick tries again.
      }
    }, POLL_MS)
    return () => {
      stopped = true
      clearInterval(timer)
    }
  }, [pending, statusHref])

  const text = messageText(view.message, locale)
  const csrf = <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
  return (
    <div className="bankid">
      {pending && (
        <noscript>
          <meta httpEquiv="refresh" content="2" />
        </noscript>
      )}
      <p className={`bankid__status${view.state === 'failed' ? ' bankid__status--failed' : ''}`} role="status">
        {text ?? '\u00a0'}
      </p>
      {pending && view.qr && (
        <>
          <p>{translate(locale, 'bankidQrHelp')}</p>
          <img className="bankid__qr" src={view.qr} alt={translate(locale, 'bankidQrAlt')} width={240} height={240} />
        </>
      )}
      {pending && view.autoStartHref && (
        <>
          <p>{translate(locale, 'bankidAutostartHelp')}</p>
          <p><a className="button" href={view.autoStartHref}>{rfaText('RFA18', locale)}</a></p>
        </>
      )}
      {pending && <noscript><p className="hint">{translate(locale, 'bankidRefreshes')}</p></noscript>}
      <Form method="post" action={action} reloadDocument className="bankid__actions">
        {csrf}
        <input type="hidden" name="order" value={view.id} />
        {view.state === 'failed' && (
          <button type="submit" name="intent" value="retry" className="button">{translate(locale, 'bankidRetry')}</button>
        )}
        <button type="submit" name="intent" value="cancel" className="button button--secondary">
          {view.state === 'failed' ? translate(locale, 'bankidOtherWay') : translate(locale, 'bankidCancel')}
        </button>
      </Form>
    </div>
  )
}
