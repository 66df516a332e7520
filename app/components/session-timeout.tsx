import { useCallback, useEffect, useRef, useState } from 'react'
import { useLocation } from 'react-router'
import type { Locale } from '#forms/kit/index.ts'
import { translate } from '../i18n.ts'

/** Warn this long before the server ends an idle citizen session (WCAG 2.2.1: at least 20 seconds to react). */
export const WARN_SECONDS = 120
const CHECK_MS = 5000
export const TIMED_OUT_PATH = '/logga-in?utloggad=tid'

/** The server would end the session about now anyway; ending it explicitly keeps both sides in step. */
async function timeOut(csrfToken: string) {
  await fetch('/logga-ut', { method: 'POST', body: new URLSearchParams({ _csrf: csrfToken, intent: 'timeout' }), redirect: 'manual' }).catch(() => null)
  window.location.assign(TIMED_OUT_PATH)
}

/**
 * The idle warning for a logged-in citizen. The server ends the session after `idleSeconds` without a
 * request; two minutes before that a modal dialog asks whether to stay logged in, and staying is one
 * button (a request that extends the session). Each page the citizen opens counts as activity. Timers are
 * checked against the clock rather than trusted, since phones pause them in background tabs.
 */
export function SessionTimeout({ idleSeconds, csrfToken, locale }: { idleSeconds: number; csrfToken: string; locale: Locale }) {
  const location = useLocation()
  const dialog = useRef<HTMLDialogElement>(null)
  const lastActive = useRef(0)
  const [open, setOpen] = useState(false)

  useEffect(() => {
    lastActive.current = Date.now()
  }, [location.key])

  useEffect(() => {
    lastActive.current = lastActive.current || Date.now()
    const check = () => {
      const idle = (Date.now() - lastActive.current) / 1000
      if (idle >= idleSeconds) {
        clearInterval(timer)
        void timeOut(csrfToken)
      } else if (idle >= idleSeconds - WARN_SECONDS) setOpen(true)
    }
    const timer = setInterval(check, CHECK_MS)
    document.addEventListener('visibilitychange', check)
    return () => {
      clearInterval(timer)
      document.removeEventListener('visibilitychange', check)
    }
  }, [idleSeconds, csrfToken])

  useEffect(() => {
    const d = dialog.current
    if (open && d && !d.open) d.showModal()
    if (!open && d?.open) d.close()
  }, [open])

  const stay = useCallback(async () => {
    const res = await fetch('/session/forlang', { method: 'POST', body: new URLSearchParams({ _csrf: csrfToken }) }).catch(() => null)
    if (res?.status === 401) return timeOut(csrfToken)
    lastActive.current = Date.now()
    setOpen(false)
  }, [csrfToken])

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="session-warn-title"
      aria-describedby="session-warn-text"
      onCancel={(e) => {
        // Escape is an answer too: the citizen is here, so they stay.
        e.preventDefault()
        void stay()
      }}
    >
      <h2 id="session-warn-title" className="dialog__title">{translate(locale, 'sessionWarnTitle')}</h2>
      <p id="session-warn-text">{translate(locale, 'sessionWarnText')}</p>
      <div className="button-stack">
        <button type="button" className="button" autoFocus onClick={() => void stay()}>{translate(locale, 'sessionStay')}</button>
        <form method="post" action="/logga-ut">
          <input type="hidden" name="_csrf" value={csrfToken} />
          <button type="submit" className="button button--secondary">{translate(locale, 'logOut')}</button>
        </form>
      </div>
    </dialog>
  )
}
