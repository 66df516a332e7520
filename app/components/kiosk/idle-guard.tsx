import { useEffect, useRef, useState } from 'react'
import { useLocation } from 'react-router'
import { secondsLeft, type KioskIdle } from '#services/kiosk/idle.ts'
import { useRootData } from '#app/root-data.ts'
import { useKioskT } from './texts.ts'

const ACTIVITY = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart', 'scroll'] as const

/** Tells the server the visit is in use, so typing a long text without sending it is not idleness there. */
async function ping(csrf: string) {
  const body = new FormData()
  body.set('_csrf', csrf)
  const response = await fetch('/kiosk/aktiv', { method: 'POST', body, credentials: 'same-origin' }).catch(() => null)
  // The server already ended this visit (it was idle there): show the start screen instead of stale answers.
  if (response?.redirected) window.location.assign(response.url)
}

/**
 * WCAG 2.2.1 for a public computer: after `warningSeconds` without a touch or key press, a full-screen
 * dialog says so and counts down; "Jag behöver mer tid" (or Escape) gives the time back. At `endSeconds`
 * the visit ends exactly as "Avsluta" does. Only runs while there is a visit to lose.
 */
export function IdleGuard({ idle, visitActive }: { idle: KioskIdle; visitActive: boolean }) {
  const t = useKioskT()
  const root = useRootData()
  const csrf = root?.csrfToken ?? ''
  const { pathname } = useLocation()
  const running = visitActive || pathname !== '/kiosk'
  const [left, setLeft] = useState<number | null>(null)
  // Seconds to announce to screen readers; set only when the countdown crosses 30 and 10 seconds.
  const [announceAt, setAnnounceAt] = useState<number | null>(null)
  const band = useRef(0)
  const lastActive = useRef(0)
  const lastPing = useRef(0)
  const warning = useRef(false)
  const dialog = useRef<HTMLDialogElement>(null)
  const endForm = useRef<HTMLFormElement>(null)
  const idleEnd = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    if (!running) return
    lastActive.current = Date.now()
    lastPing.current = Date.now()
    const onActivity = () => {
      // While warned, only the dialog's own buttons answer: a stray touch must not hide the warning unread.
      if (warning.current) return
      lastActive.current = Date.now()
      if (Date.now() - lastPing.current >= idle.pingSeconds * 1000) {
        lastPing.current = Date.now()
        void ping(csrf)
      }
    }
    for (const e of ACTIVITY) window.addEventListener(e, onActivity, { capture: true, passive: true })
    const timer = window.setInterval(() => {
      const idleMs = Date.now() - lastActive.current
      if (idleMs >= idle.endSeconds * 1000) {
        window.clearInterval(timer)
        endForm.current?.requestSubmit(idleEnd.current)
      } else if (idleMs >= idle.warningSeconds * 1000) {
        const seconds = secondsLeft(idle, idleMs)
        const now = seconds <= 10 ? 10 : seconds <= 30 ? 30 : 0
        // Opening the dialog announces it already; later only crossing 30 and 10 seconds is announced, as a
        // screen reader reading every second would drown everything else.
        if (warning.current && now !== band.current) setAnnounceAt(seconds)
        band.current = now
        warning.current = true
        setLeft(seconds)
      }
    }, 250)
    return () => {
      window.clearInterval(timer)
      for (const e of ACTIVITY) window.removeEventListener(e, onActivity, { capture: true })
    }
  }, [running, idle, csrf])

  useEffect(() => {
    const d = dialog.current
    if (!d) return
    if (left !== null && !d.open) d.showModal()
    if (left === null && d.open) d.close()
  }, [left])

  const moreTime = () => {
    warning.current = false
    lastActive.current = Date.now()
    lastPing.current = Date.now()
    setLeft(null)
    setAnnounceAt(null)
    void ping(csrf)
  }

  const time = (n: number) => (n === 1 ? t('oneSecond') : t('seconds', { n }))
  return (
    <dialog
      ref={dialog}
      className="kiosk-idle"
      role="alertdialog"
      aria-labelledby="kiosk-idle-title"
      aria-describedby="kiosk-idle-text"
      onCancel={(ev) => {
        ev.preventDefault()
        moreTime()
      }}
    >
      <div className="kiosk-idle__box">
        <h2 id="kiosk-idle-title" className="kiosk-idle__title">{t('idleTitle')}</h2>
        <p id="kiosk-idle-text" className="kiosk-idle__text">{t('idleText', { time: time(left ?? idle.endSeconds - idle.warningSeconds) })}</p>
        <p className="visually-hidden" aria-live="assertive">{announceAt === null ? '' : t('idleAnnounce', { time: time(announceAt) })}</p>
        <form method="post" action="/kiosk/avsluta" ref={endForm}>
          <input type="hidden" name="_csrf" value={csrf} />
          {/* The first button gets the focus: more time is what a visitor who is still here wants. */}
          <button type="button" className="button kiosk-idle__more" onClick={moreTime} autoFocus>{t('moreTime')}</button>
          <button type="submit" className="button button--secondary">{t('endNow')}</button>
          {/* Pressed by the countdown, so the start screen can say why the visit ended. */}
          <button type="submit" name="orsak" value="tid" ref={idleEnd} hidden tabIndex={-1} />
        </form>
      </div>
    </dialog>
  )
}
