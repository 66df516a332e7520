import { useLocation } from 'react-router'
import { directionOf, LANGUAGE_NAMES } from '#forms/kit/languages.ts'
import { LOCALES, type Locale } from '#forms/kit/types.ts'

/**
 * The other languages of the portal, each in its own name and marked up in its own language (WCAG 3.1.2), so a
 * visitor who cannot read the page's language still finds theirs. A link is a full page load (`?lang=`): the
 * server sends that language's catalog (ADR 044).
 */
export function LanguageLinks({ locale, label }: { locale: Locale; label: string }) {
  const location = useLocation()
  const hrefFor = (lang: Locale) => {
    const params = new URLSearchParams(location.search)
    params.set('lang', lang)
    return `${location.pathname}?${params}`
  }
  return (
    <nav className="site-header__lang" aria-label={label}>
      <ul className="language-links">
        {LOCALES.filter((l) => l !== locale).map((l) => (
          <li key={l}>
            <a href={hrefFor(l)} lang={l} hrefLang={l} dir={directionOf(l)}>{LANGUAGE_NAMES[l]}</a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
