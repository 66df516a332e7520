import { Form, Link } from 'react-router'
import { FORMS } from '#forms/registry.ts'
import { t } from '#forms/kit/text.ts'
import { municipality } from '#services/config/municipality.server.ts'
import { locationName } from '#services/kiosk/locations.server.ts'
import { useKioskT } from '#app/components/kiosk/texts.ts'
import { textsIn } from '#app/i18n.ts'
import { useRootData } from '#app/root-data.ts'
import type { Route } from './+types/start'

export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = context.locale
  if (!context.kiosk) {
    return { kiosk: false as const, text: textsIn(locale, 'kioskStart') }
  }
  const ended = new URL(request.url).searchParams.get('slut')
  return {
    kiosk: true as const,
    name: municipality().name,
    place: locationName(context.kiosk.location),
    ended: ended === 'tid' ? ('endedIdle' as const) : ended ? ('ended' as const) : null,
    services: FORMS.map((f) => ({
      id: f.id,
      title: t(f.title, locale),
      needsBankId: f.identification === 'bankid',
    })),
  }
}

export default function KioskStart({ loaderData }: Route.ComponentProps) {
  if (!loaderData.kiosk) {
    const { text } = loaderData
    return (
      <>
        <title>{text.title}</title>
        <h1>{text.title}</h1>
        <p className="lead">{text.text}</p>
        <p><Link to="/" className="button">{text.toServices}</Link></p>
        <p><Link to="/kiosk/enrol">{text.enrol}</Link></p>
      </>
    )
  }
  return <KioskHome {...loaderData} />
}

type HomeProps = Extract<Route.ComponentProps['loaderData'], { kiosk: true }>

function KioskHome({ name, place, ended, services }: HomeProps) {
  const t = useKioskT()
  const root = useRootData()
  const kiosk = root?.kiosk
  const loggedIn = Boolean(kiosk?.visitor)
  return (
    <>
      <title>{`${t('welcome')} – ${place}`}</title>
      {ended && <div className="notice" role="status"><p>{t(ended)}</p></div>}
      <h1>{t('welcome')}</h1>
      <p className="lead">{t('startIntro', { name })}</p>
      {/* The language is switched in the header, on every page: one switch only. */}

      <h2>{t('services')}</h2>
      <ul className="kiosk-choices">
        {services.map((s) => {
          const gated = s.needsBankId && !loggedIn
          const href = gated ? `/logga-in?till=${encodeURIComponent(`/e-tjanster/${s.id}`)}` : `/e-tjanster/${s.id}`
          return (
            <li key={s.id}>
              <Link to={href} className="kiosk-choice">
                <span className="kiosk-choice__title">{s.title}</span>
                <span className="kiosk-choice__hint">{s.needsBankId ? t('needsBankId') : t('noLoginNeeded')}</span>
              </Link>
            </li>
          )
        })}
      </ul>

      {!loggedIn && (
        <>
          <h2>{t('login')}</h2>
          <p>{t('loginIntro')}</p>
          <ul className="kiosk-choices">
            {kiosk?.libraryCardLogin && (
              <li><Link to="/kiosk/lanekort" className="kiosk-choice kiosk-choice--secondary"><span className="kiosk-choice__title">{t('loginCard')}</span></Link></li>
            )}
            <li>
              {/* Straight to the QR code for the visitor's phone: the only BankID a kiosk offers. */}
              <Form method="post" action="/logga-in" reloadDocument>
                <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
                <input type="hidden" name="till" value="/kiosk" />
                <input type="hidden" name="intent" value="start" />
                <button type="submit" name="flow" value="qr" className="kiosk-choice kiosk-choice--secondary">
                  <span className="kiosk-choice__title">{t('loginBankId')}</span>
                  <span className="kiosk-choice__hint">{t('bankidPhoneHint')}</span>
                </button>
              </Form>
            </li>
          </ul>
        </>
      )}
    </>
  )
}
