import { data, Form, Link, redirect } from 'react-router'
import { journey, t, type FormDefinition, type Locale } from '#forms/kit/index.ts'
import { isCitizen } from '#services/auth/citizen.server.ts'
import { readForm } from '#services/auth/csrf.server.ts'
import { cancelOrder, findOrder } from '#services/bankid/orders.server.ts'
import type { OrderView } from '#services/bankid/view.ts'
import { municipality } from '#services/config/municipality.server.ts'
import { prepareSigning } from '#services/signing/sign.server.ts'
import { previewLines, type PreviewLine } from '#services/signing/visible-text.ts'
import { FlowChoice } from '#app/components/bankid/flow-choice.tsx'
import { messageText, OrderStatus } from '#app/components/bankid/order-status.tsx'
import { translate } from '#app/i18n.ts'
import { useRootData } from '#app/root-data.ts'
import { boundSession, progress } from '../bankid/progress.server.ts'
import { parseFlow, startForBrowser } from '../bankid/start.server.ts'
import type { Route } from './+types/sign'
import { currentDraft, formBase, requireForm, validationContext } from './flow.server.ts'

/** The application as it stands, ready to sign; or a redirect to where it is not yet complete. */
async function signable(request: Request, def: FormDefinition, locale: Locale) {
  if (!def.sign) throw data(null, { status: 404 })
  const { draft, session } = await currentDraft(request, def)
  if (!draft || !isCitizen(session)) throw redirect(`${formBase(def)}/${def.pages[0]!.id}`)
  const ctx = validationContext(locale, session)
  const j = journey(def, draft.answers, ctx)
  if (!j.complete) throw redirect(`${formBase(def)}/${j.firstIncomplete}`)
  const prepared = await prepareSigning({
    def, draftId: draft.id, answers: draft.answers, person: session.person, ctx, organisation: municipality().name, locale,
  })
  if (!prepared.ok) throw redirect(`${formBase(def)}/${prepared.firstIncomplete}`)
  return prepared.content
}

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const def = requireForm(params.formId)
  const url = new URL(request.url)
  const orderId = url.searchParams.get('order')
  const title = t(def.title, context.locale)
  if (orderId) {
    const step = await progress(request, context.locale, orderId, 'sign', context.kiosk)
    if (step?.view.state === 'done' && step.view.next) throw redirect(step.view.next)
    if (step && step.order.formId === def.id) return { locale: context.locale, title, base: formBase(def), view: step.view, preview: [], cancelled: false }
  }
  const content = await signable(request, def, context.locale)
  return {
    locale: context.locale, title, base: formBase(def), view: null, preview: previewLines(content.visibleText), cancelled: url.searchParams.has('avbrutet'),
  }
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const def = requireForm(params.formId)
  const form = await readForm(request)
  const intent = String(form.get('intent') ?? 'start')
  const here = `${formBase(def)}/skriv-under`
  let flow = parseFlow(form.get('flow'))
  if (intent === 'cancel' || intent === 'retry') {
    const bound = await boundSession(request)
    const order = bound ? await findOrder(bound.binding, String(form.get('order') ?? '')) : null
    if (!bound || !order || order.purpose !== 'sign') throw redirect(here)
    if (intent === 'cancel') {
      await cancelOrder(bound.binding, order.id)
      throw redirect(order.status === 'pending' ? `${here}?avbrutet=1` : here)
    }
    flow = order.flow
  }
  if (!flow) throw redirect(here)
  // Prepared afresh from the stored draft: what is signed is what would be received, never what was posted.
  const content = await signable(request, def, context.locale)
  const started = await startForBrowser(request, context.clientIp, { purpose: 'sign', flow, sign: content, atKiosk: Boolean(context.kiosk) })
  if (started.ok) throw redirect(`${here}?order=${started.orderId}`, { headers: started.headers })
  return data({ message: started.message }, { status: started.status, headers: started.headers })
}

export default function Sign({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, title, base, view, preview, cancelled } = loaderData
  const heading = translate(locale, 'signTitle')
  if (view) {
    return (
      <>
        <title>{`${heading} – ${title}`}</title>
        <span className="caption">{title}</span>
        <h1>{heading}</h1>
        <OrderStatus key={view.id} initial={view} statusHref={`/bankid/status?order=${view.id}`} action={`${base}/skriv-under`} locale={locale} />
      </>
    )
  }
  const problem: OrderView['message'] = actionData?.message ?? (cancelled ? { rfa: 'RFA6' } : null)
  return <SignChoice locale={locale} title={title} heading={heading} preview={preview} problem={problem} backHref={`${base}/kontrollera`} />
}

type ChoiceProps = { locale: Locale; title: string; heading: string; preview: PreviewLine[]; problem: OrderView['message']; backHref: string }

function SignChoice({ locale, title, heading, preview, problem, backHref }: ChoiceProps) {
  const root = useRootData()
  return (
    <>
      <title>{`${heading} – ${title}`}</title>
      <Link to={backHref} className="back-link">{translate(locale, 'back')}</Link>
      <span className="caption">{title}</span>
      <h1>{heading}</h1>
      {problem && <div className="notice notice--warning" role="alert"><p>{messageText(problem, locale)}</p></div>}
      <p className="lead">{translate(locale, 'signIntro')}</p>
      <div className="signing-text">
        {preview.map((line, i) =>
          line.kind === 'h1' ? <h2 key={i}>{line.text}</h2>
          : line.kind === 'h2' ? <h3 key={i}>{line.text}</h3>
          : <p key={i}>{line.label ? <><strong>{line.label}:</strong> {line.text}</> : line.text}</p>,
        )}
      </div>
      <Form method="post" reloadDocument>
        <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
        <input type="hidden" name="intent" value="start" />
        <FlowChoice locale={locale} legend={translate(locale, 'signChoose')} />
      </Form>
    </>
  )
}
