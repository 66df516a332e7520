import { useEffect, useRef } from 'react'
import { useT } from '#app/i18n.ts'

export type SummaryError = { anchor: string; message: string }

/**
 * GOV.UK's error summary: focused when it appears so screen readers announce it, one link per problem
 * that moves focus to the input. `role="alert"` sits on an inner element to avoid a race with focus.
 */
export function ErrorSummary({ errors, attempt = 0 }: { errors: SummaryError[]; attempt?: number }) {
  const t = useT()
  const ref = useRef<HTMLDivElement>(null)
  const key = errors.map((e) => e.anchor + e.message).join('|')
  // Focused again at every attempt to send, also when the problems left are the ones already listed.
  useEffect(() => {
    if (key) ref.current?.focus()
  }, [key, attempt])
  if (errors.length === 0) return null
  return (
    <div className="error-summary" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title" autoFocus>
      <div role="alert">
        <h2 id="error-summary-title" className="error-summary__title">{t('errorSummaryTitle')}</h2>
        <ul className="error-summary__list">
          {errors.map((e) => (
            <li key={e.anchor + e.message}>
              <a
                href={`#${e.anchor}`}
                onClick={(ev) => {
                  const target = document.getElementById(e.anchor)
                  if (!target) return
                  ev.preventDefault()
                  target.focus()
                  ;(target.closest('.field') ?? target).scrollIntoView({ block: 'start' })
                }}
              >
                {e.message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  )
}
