import { Link, useLocation } from 'react-router'
import { useRootData } from '../root-data.ts'
import { useT } from '../i18n.ts'
import { KioskFooter, KioskHeader } from '#kiosk-chrome'
import { LanguageLinks } from './language-links.tsx'

export function SiteHeader() {
  const data = useRootData()
  const t = useT()
  if (data?.kiosk) return <KioskHeader kiosk={data.kiosk} />
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link to="/" className="site-header__logo">{data?.municipality.logoText ?? 'E-tjänster'}</Link>
        <span className="site-header__service">{t('eServices')}</span>
        <LanguageLinks locale={data?.locale ?? 'sv'} label={t('languages')} />
        <AccountLinks />
      </div>
    </header>
  )
}

export function SiteFooter() {
  const data = useRootData()
  const t = useT()
  const c = data?.municipality.contact
  if (data?.kiosk) return <KioskFooter kiosk={data.kiosk} />
  return (
    <footer className="site-footer">
      <div className="container">
        <h2 className="site-footer__heading">{t('contact')}</h2>
        <p>{data?.municipality.name}{c ? <> · {c.address} · <a href={`tel:${c.phone.replace(/[^\d+]/g, '')}`} dir="ltr">{c.phone}</a> · <a href={`mailto:${c.email}`}>{c.email}</a></> : null}</p>
        <p><Link to="/tillganglighet">{t('accessibility')}</Link> · <Link to="/servicecenter">{t('staffLogin')}</Link></p>
      </div>
    </footer>
  )
}

/** "Mina sidor" and "Logga ut" for a logged-in citizen, "Logga in" (coming back here) for everyone else. */
function AccountLinks() {
  const data = useRootData()
  const t = useT()
  const location = useLocation()
  const here = location.pathname + location.search
  // Kiosks have their own chrome; staff pages their own login.
  if (data?.kiosk || location.pathname.startsWith('/servicecenter')) return null
  return (
    <nav className="site-header__account" aria-label={t('myPages')}>
      {data?.citizen ? (
        <>
          <Link to="/mina-sidor">{t('myPages')}</Link>
          <form method="post" action="/logga-ut" className="site-header__logout">
            <input type="hidden" name="_csrf" value={data.csrfToken} />
            <button type="submit" className="site-header__button">{t('logOut')}</button>
          </form>
        </>
      ) : (
        <Link to={here.startsWith('/logga-in') ? '/logga-in' : `/logga-in?till=${encodeURIComponent(here)}`}>{t('logIn')}</Link>
      )}
    </nav>
  )
}
