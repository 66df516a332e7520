import { Links, Meta, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, useLoaderData, useLocation, type LinksFunction } from 'react-router'
import type { Route } from './+types/root'
import './context.ts'
import { SiteFooter, SiteHeader } from './components/site-chrome.tsx'
import { useEffect } from 'react'
import { hasMessages, useLocale, translate } from './i18n.ts'
import { directionOf, ltrIn } from '#forms/kit/languages.ts'
import { MessagesLink } from './components/messages-link.tsx'
import { useRootData, type RootData } from './root-data.ts'
import { municipality } from '#services/config/municipality.server.ts'
import { kioskView } from './routes/kiosk/kiosk-view.server.ts'
import { kioskHtmlClass } from './components/kiosk/types.ts'
import { citizenForChrome } from '#services/auth/citizen.server.ts'
import { SessionTimeout } from './components/session-timeout.tsx'
import { needsMeForChrome } from './routes/staff/needs-me-count.server.ts'
import { useScriptFree } from './script-free.ts'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: '/styles/app.css', precedence: 'default' },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export async function loader({ context, request }: Route.LoaderArgs): Promise<RootData> {
  const m = municipality()
  return {
    locale: context.locale,
    csrfToken: context.csrfToken,
    cspNonce: context.cspNonce,
    path: new URL(request.url).pathname,
    municipality: { name: m.name, logoText: m.logoText, contact: m.contact, map: m.map },
    kiosk: await kioskView(request, context),
    citizen: await citizenForChrome(request),
    needsMe: await needsMeForChrome(request, new URL(request.url).pathname),
  }
}


export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRootData()
  const locale = useLocale()
  // Staff work the queue all day on desktop screens: their pages use the full width (staff-ui in app.css, ADR 030).
  const staff = useLocation().pathname.startsWith('/servicecenter')
  const scriptFree = useScriptFree(data, staff)
  // The browser holds only the language it was served in (ADR 044); a change of language inside the app, which the
  // portal's own links never make, loads the page anew so the server sends the other catalog.
  useEffect(() => {
    if (!hasMessages(locale)) window.location.reload()
  }, [locale])
  // Once the page is hydrated, for the browser tests (the router exists earlier, before the page's on-demand
  // parts have come); set after hydration, so the server's <html> and React's first render still agree.
  useEffect(() => {
    document.documentElement.dataset.hydrated = ''
  }, [])
  return (
    <html lang={locale} dir={directionOf(locale)} className={[kioskHtmlClass(data?.kiosk), staff && 'staff-ui'].filter(Boolean).join(' ') || undefined}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        {!scriptFree && <MessagesLink locale={locale} />}
      </head>
      <body>
        <a className="skip-link" href="#main">{translate(locale, 'skipLink')}</a>
        <SiteHeader />
        <main id="main" className="container" tabIndex={-1}>{children}</main>
        <SiteFooter />
        {data?.citizen && <SessionTimeout idleSeconds={data.citizen.idleSeconds} csrfToken={data.csrfToken} locale={locale} />}
        {!scriptFree && <ScrollRestoration nonce={data?.cspNonce} />}
        {!scriptFree && <Scripts nonce={data?.cspNonce} />}
      </body>
    </html>
  )
}

export default function App() {
  useLoaderData<typeof loader>()
  return <Outlet />
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const locale = useLocale()
  const phone = useRootData()?.municipality.contact.phone ?? ''
  const status = isRouteErrorResponse(error) ? error.status : 500
  // The browser never sees a stack trace: only these calm, fixed texts. A server failure and an outage
  // read the same, because in production the browser cannot tell them apart (the status can: 500/503).
  const [title, text] =
    status === 404 ? [translate(locale, 'notFoundTitle'), translate(locale, 'notFoundText')]
    : status === 403 ? [translate(locale, 'forbiddenTitle'), translate(locale, 'forbiddenText')]
    : status === 400 ? [translate(locale, 'forbiddenTitle'), translate(locale, 'badRequestText')]
    : [translate(locale, 'dbDownTitle'), translate(locale, 'errorText', { phone: ltrIn(locale, phone) })]
  return (
    <>
      <title>{title}</title>
      <h1>{title}</h1>
      <p>{text}</p>
      <p><a href="/">{translate(locale, 'toStart')}</a></p>
    </>
  )
}
