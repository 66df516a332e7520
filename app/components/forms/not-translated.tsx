import { useLocation } from 'react-router'
import { LANGUAGE_NAMES } from '#forms/kit/languages.ts'
import type { Locale } from '#forms/kit/types.ts'
import { translate } from '#app/i18n.ts'

/**
 * On an e-service whose own texts are not yet in the page's language (ADR 050): says so in that language, so the
 * visitor knows why the questions are in Swedish, and offers the same page in English.
 */
export function NotTranslatedNote({ locale }: { locale: Locale }) {
  const location = useLocation()
  const params = new URLSearchParams(location.search)
  params.set('lang', 'en')
  return (
    <div className="notice notice--info">
      <p>
        {translate(locale, 'notTranslated')}{' '}
        <a href={`${location.pathname}?${params}`} lang="en" hrefLang="en" dir="ltr">{LANGUAGE_NAMES.en}</a>
      </p>
    </div>
  )
}
