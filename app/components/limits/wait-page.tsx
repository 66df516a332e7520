import { Link } from 'react-router'
import type { Locale } from '#forms/kit/index.ts'
import { useRootData } from '#app/root-data.ts'
import { limitText, waitText } from './texts.ts'

/**
 * The calm page for a send over its limit (HTTP 429): when to try again, that the answers are kept (the draft
 * is untouched), and whom to call if it cannot wait.
 */
export function SendsLimited({ retryAfterSeconds, locale, backHref }: { retryAfterSeconds: number; locale: Locale; backHref: string }) {
  const root = useRootData()
  const m = root?.municipality
  const title = limitText(locale, 'title')
  return (
    <>
      <title>{title}</title>
      <h1>{title}</h1>
      <p className="lead">{limitText(locale, 'sends', { wait: waitText(retryAfterSeconds, locale) })}</p>
      {m && (
        <p>
          {limitText(locale, 'contact', { name: m.name })}{' '}
          <a href={`tel:${m.contact.phone.replace(/[^\d+]/g, '')}`}>{m.contact.phone}</a>
          {' · '}
          <a href={`mailto:${m.contact.email}`}>{m.contact.email}</a>
        </p>
      )}
      <Link to={backHref} className="button">{limitText(locale, 'back')}</Link>
    </>
  )
}
