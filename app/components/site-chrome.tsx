import { Link, useLocation } from 'react-router'
import { useRootData } from '../root-data.ts'
import { useT } from '../i18n.ts'

export function SiteHeader() {
  const data = useRootData()
  const t = useT()
  const location = useLocation()
  const other = data?.locale === 'en' ? 'sv' : 'en'
  const params = new URLSearchParams(location.search)
  params.set('lang', other)
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link to="/" className="site-header__logo">{data?.municipality.logoText ?? 'E-tjänster'}</Link>
        <span className="site-header__service">{t('eServices')}</span>
        <a className="site-header__lang" href={`${location.pathname}?${params}`} lang={other} hrefLang={other}>
          {t('languageSwitch')}
        </a>
      </div>
    </header>
  )
}

export function SiteFooter() {
  const data = useRootData()
  const t = useT()
  const c = data?.municipality.contact
  return (
    <footer className="site-footer">
      <div className="container">
        <h2 className="site-footer__heading">{t('contact')}</h2>
        <p>{data?.municipality.name}{c ? <> · {c.address} · <a href={`tel:${c.phone.replace(/[^\d+]/g, '')}`}>{c.phone}</a> · <a href={`mailto:${c.email}`}>{c.email}</a></> : null}</p>
        <p><Link to="/tillganglighet">{t('accessibility')}</Link> · <Link to="/servicecenter">{t('staffLogin')}</Link></p>
      </div>
    </footer>
  )
}
