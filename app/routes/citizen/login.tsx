import { data, Form, redirect } from 'react-router'
import { isCitizen } from '#services/auth/citizen.server.ts'
import { readForm } from '#services/auth/csrf.server.ts'
import { safeRedirect } from '#services/auth/return-path.ts'
import { getSession } from '#services/auth/session.server.ts'
import { cancelOrder, findOrder } from '#services/bankid/orders.server.ts'
import type { Locale } from '#forms/kit/types.ts'
import type { OrderView } from '#services/bankid/view.ts'
import { FlowChoice } from '#app/components/bankid/flow-choice.tsx'
import { messageText, OrderStatus, rfaText } from '#app/components/bankid/order-status.tsx'
import { translate } from '#app/i18n.ts'
import { useRootData } from '#app/root-data.ts'
import { boundSession, progress } from '../bankid/progress.server.ts'
import { parseFlow, startForBrowser } from '../bankid/start.server.ts'
import type { Route } from './+types/login'

const NOTICES = { '1': 'loggedOut', overallt: 'loggedOutEverywhere', tid: 'timedOut' } as const

const backTo = (till: string, extra = '') => `/logga-in?till=${encodeURIComponent(till)}${extra}`

export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url)
  const till = safeRedirect(url.searchParams.get('till'), '/mina-sidor')
  const orderId = url.searchParams.get('order')
  if (orderId) {
    const step = await progress(request, context.locale, orderId, 'login')
    if (step?.view.state === 'done' && step.view.next) {
      throw redirect(step.view.next, step.setCookie ? { headers: { 'Set-Cookie': step.setCookie } } : undefined)
    }
    // An order that is not this browser's shows the plain login page: nothing about it is revealed.
    if (step) return { locale: context.locale, till: safeRedirect(step.order.returnTo, '/mina-sidor'), view: step.view, notice: null, cancelled: false }
  }
  if (isCitizen(await getSession(request))) throw redirect(till)
  const notice = NOTICES[url.searchParams.get('utloggad') as keyof typeof NOTICES] ?? null
  return { locale: context.locale, till, view: null, notice, cancelled: url.searchParams.has('avbrutet') }
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await readForm(request)
  const intent = String(form.get('intent') ?? 'start')
  let till = safeRedirect(String(form.get('till') ?? ''), '/mina-sidor')
  let flow = parseFlow(form.get('flow'))

  if (intent === 'cancel' || intent === 'retry') {
    const bound = await boundSession(request)
    const order = bound ? await findOrder(bound.binding, String(form.get('order') ?? '')) : null
    if (!bound || !order || order.purpose !== 'login') throw redirect(backTo(till))
    till = safeRedirect(order.returnTo, '/mina-sidor')
    if (intent === 'cancel') {
      await cancelOrder(bound.binding, order.id)
      throw redirect(backTo(till, order.status === 'pending' ? '&avbrutet=1' : ''))
    }
    flow = order.flow
  }
  if (!flow) throw redirect(backTo(till))
  const started = await startForBrowser(request, context.clientIp, { purpose: 'login', flow, returnTo: till, atKiosk: Boolean(context.kiosk) })
  if (started.ok) throw redirect(`/logga-in?order=${started.orderId}`, { headers: started.headers })
  return data({ message: started.message }, { status: started.status, headers: started.headers })
}

export default function Login({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, till, view, notice, cancelled } = loaderData
  const root = useRootData()
  const title = translate(locale, 'loginTitle')
  if (view) return <LoginOrder view={view} locale={locale} title={title} />
  const problem: OrderView['message'] = actionData?.message ?? (cancelled ? { rfa: 'RFA6' } : null)
  return (
    <>
      <title>{title}</title>
      <h1>{title}</h1>
      {problem && <div className="notice notice--warning" role="alert"><p>{messageText(problem, locale)}</p></div>}
      {notice && <div className="notice" role="status"><p>{translate(locale, notice)}</p></div>}
      <p className="lead">{translate(locale, 'loginIntro')}</p>
      <Form method="post" reloadDocument>
        <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
        <input type="hidden" name="till" value={till} />
        <input type="hidden" name="intent" value="start" />
        <FlowChoice locale={locale} legend={rfaText('RFA20', locale)} />
      </Form>
    </>
  )
}

function LoginOrder({ view, locale, title }: { view: OrderView; locale: Locale; title: string }) {
  return (
    <>
      <title>{title}</title>
      <h1>{title}</h1>
      <OrderStatus key={view.id} initial={view} statusHref={`/bankid/status?order=${view.id}`} action="/logga-in" locale={locale} />
    </>
  )
}
