import { data, Link, redirect } from 'react-router'
import { textsIn } from '#app/i18n.ts'
import { readForm } from '#services/auth/csrf.server.ts'
import { helpPath, requestHelp } from '#services/kiosk/help.server.ts'
import { isDatabaseDown } from '#services/db/db-errors.ts'
import type { Route } from './+types/help'

/**
 * "Få hjälp av personal". From the kiosk bar with JavaScript the answer is data (the page stays, nothing
 * typed is lost); without JavaScript the visitor lands on the confirmation below. Staff start assisted mode
 * from the kiosk's footer, not from this message, which is the visitor's.
 */
export async function action({ request, context }: Route.ActionArgs) {
  if (!context.kiosk) throw redirect('/')
  const form = await readForm(request)
  const path = helpPath(String(form.get('sida') ?? ''))
  const background = form.get('js') === '1'
  try {
    await requestHelp(context.kiosk, path)
  } catch (e) {
    if (background && isDatabaseDown(e)) return data({ ok: false }, { status: 503 })
    throw e
  }
  if (background) return { ok: true }
  throw redirect(`/kiosk/hjalp?fran=${encodeURIComponent(path)}`)
}

export async function loader({ request, context }: Route.LoaderArgs) {
  if (!context.kiosk) throw redirect('/')
  const from = helpPath(new URL(request.url).searchParams.get('fran') ?? '/kiosk')
  return { from, text: textsIn(context.locale, 'kioskHelp') }
}

export default function HelpRequested({ loaderData: { from, text } }: Route.ComponentProps) {
  return (
    <>
      <title>{text.title}</title>
      <h1>{text.title}</h1>
      <p className="lead">{text.sent}</p>
      <p><Link to={from} className="button">{text.back}</Link></p>
    </>
  )
}
