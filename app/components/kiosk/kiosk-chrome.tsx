import { Link, useLocation } from 'react-router'
import { useRootData } from '#app/root-data.ts'
import { useLocale } from '#app/i18n.ts'
import { DisplayToggles } from './display-toggles.tsx'
import { EndVisitButton, HelpButton } from './kiosk-buttons.tsx'
import { IdleGuard } from './idle-guard.tsx'
import { useKioskT } from './texts.ts'
import type { KioskView } from './types.ts'

/**
 * The kiosk's header: where you are, language, display choices, and the two ways out that every kiosk
 * page must have: "Få hjälp av personal" and "Avsluta".
 */
export function KioskHeader({ kiosk }: { kiosk: KioskView }) {
  const root = useRootData()
  const t = useKioskT()
  const locale = useLocale()
  const location = useLocation()
  // The kiosk offers Swedish and English only: its switch is one big button (docs/kiosks.md).
  const other = locale === 'en' ? 'sv' : 'en'
  const params = new URLSearchParams(location.search)
  params.set('lang', other)
  return (
    <header className="kiosk-header">
      {/* React hoists this into <head>; only kiosks load the kiosk styles. */}
      <link rel="stylesheet" href="/styles/kiosk.css" precedence="default" />
      <div className="container kiosk-header__inner">
        <Link to="/kiosk" className="kiosk-header__home">
          {root?.municipality.logoText} <span className="kiosk-header__place">· {kiosk.locationName}</span>
        </Link>
        <div className="kiosk-tools">
          <a className="button button--secondary kiosk-tools__item" href={`${location.pathname}?${params}`} lang={other} hrefLang={other}>
            {t('languageSwitch')}
          </a>
          <DisplayToggles kiosk={kiosk} />
          <HelpButton />
          <EndVisitButton />
        </div>
      </div>
      {(kiosk.visitor || kiosk.assistedBy) && (
        <div className="kiosk-status">
          <div className="container">
            {kiosk.visitor && (
              <p className="kiosk-status__line">
                {t(kiosk.visitor.via === 'library-card' ? 'loggedInCard' : 'loggedInBankId', { name: kiosk.visitor.name })}
              </p>
            )}
            {kiosk.assistedBy && <AssistLine name={kiosk.assistedBy} />}
          </div>
        </div>
      )}
    </header>
  )
}

function AssistLine({ name }: { name: string }) {
  const t = useKioskT()
  const root = useRootData()
  const { pathname } = useLocation()
  return (
    <form method="post" action="/kiosk/personal" className="kiosk-status__line kiosk-status__assist">
      <span>{t('assisted', { name })}</span>
      <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
      <input type="hidden" name="fran" value={pathname} />
      <button type="submit" name="intent" value="stop" className="button button--secondary kiosk-tools__item">{t('endAssist')}</button>
    </form>
  )
}

export function KioskFooter({ kiosk }: { kiosk: KioskView }) {
  const t = useKioskT()
  const { pathname, search } = useLocation()
  // From the no-JavaScript help confirmation, staff go back to the page the visitor asked from.
  const from = pathname === '/kiosk/hjalp' ? (new URLSearchParams(search).get('fran') ?? '/kiosk') : pathname
  return (
    <footer className="kiosk-footer">
      <div className="container">
        <p>{t('footer')}</p>
        {/* Staff who come to help unlock assisted mode here; it is theirs, so it is not part of the visitor's help message. */}
        {!kiosk.assistedBy && pathname !== '/kiosk/personal' && (
          <p className="kiosk-footer__staff"><Link to={`/kiosk/personal?fran=${encodeURIComponent(from)}`}>{t('staffAssist')}</Link></p>
        )}
      </div>
      <IdleGuard idle={kiosk.idle} visitActive={kiosk.visitActive} />
    </footer>
  )
}
