import { data, Form, Link, redirect, useNavigation } from 'react-router'
import { readForm } from '#services/auth/csrf.server.ts'
import { visitorSession } from '#services/auth/session.server.ts'
import { verifyStaffLogin } from '#services/auth/staff.server.ts'
import { takeOpenRequestOf, helpPath } from '#services/kiosk/help.server.ts'
import { setKioskData } from '#services/kiosk/session-data.server.ts'
import { HELP_ROLES } from '#services/kiosk/staff-location.server.ts'
import { ErrorSummary } from '#app/components/forms/error-summary.tsx'
import { textTable, translate, useLocale, type KeyIn } from '#app/i18n.ts'
import { useRootData } from '#app/root-data.ts'
import { retryTime } from '#app/utils/format-date.ts'
import type { Route } from './+types/assist'

type Problem = KeyIn<'kioskAssist'>
const { translate: text } = textTable('kioskAssist')
type ActionData = { email: string; errors: { email?: Problem; password?: Problem }; retryAt?: string }

export async function loader({ request, context }: Route.LoaderArgs) {
  if (!context.kiosk) throw redirect('/kiosk')
  return { from: helpPath(new URL(request.url).searchParams.get('fran') ?? '/kiosk') }
}

/**
 * Unlocks assisted mode with the staff member's own credentials. It is a mark on the visitor's session,
 * never a staff session: the kiosk gains no access to staff pages, and the mark ends with the visit.
 */
export async function action({ request, context }: Route.ActionArgs) {
  const kiosk = context.kiosk
  if (!kiosk) throw redirect('/kiosk')
  const form = await readForm(request)
  const back = helpPath(String(form.get('fran') ?? '/kiosk'))
  if (form.get('intent') === 'stop') {
    const { session, setCookie } = await visitorSession(request)
    await setKioskData(session.tokenHash, 'kioskAssist', null)
    throw redirect(back, setCookie ? { headers: { 'Set-Cookie': setCookie } } : undefined)
  }
  const email = String(form.get('email') ?? '').trim()
  const password = String(form.get('password') ?? '')
  const errors: ActionData['errors'] = {}
  if (!email) errors.email = 'emptyEmail'
  if (!password) errors.password = 'emptyPassword'
  if (errors.email || errors.password) return data<ActionData>({ email, errors }, { status: 400 })
  const result = await verifyStaffLogin(email, password, context.clientIp)
  if (!result.ok && result.reason === 'rate-limited') return data<ActionData>({ email, errors: { email: 'limited' }, retryAt: result.retryAt.toISOString() }, { status: 429 })
  if (!result.ok) return data<ActionData>({ email, errors: { email: 'invalid' } }, { status: 400 })
  if (!HELP_ROLES.includes(result.staff.role)) return data<ActionData>({ email, errors: { email: 'role' } }, { status: 403 })

  const { session, setCookie } = await visitorSession(request)
  await setKioskData(session.tokenHash, 'kioskAssist', { staffId: result.staff.id, name: result.staff.name, at: new Date().toISOString() })
  await takeOpenRequestOf(kiosk, result.staff)
  throw redirect(back, setCookie ? { headers: { 'Set-Cookie': setCookie } } : undefined)
}

export default function Assist({ loaderData, actionData }: Route.ComponentProps) {
  const locale = useLocale()
  const root = useRootData()
  const navigation = useNavigation()
  const result = actionData as ActionData | undefined
  const tx = (k: Problem) => text(locale, k, { time: retryTime(locale, result?.retryAt) })
  const errors = result?.errors ?? {}
  const summary = (['email', 'password'] as const).flatMap((k) => (errors[k] ? [{ anchor: `f-${k}`, message: tx(errors[k]!) }] : []))
  const field = (id: 'email' | 'password', type: string) => {
    const error = errors[id] && tx(errors[id]!)
    return (
      <div className={`field${error ? ' field--error' : ''}`}>
        <label className="label" htmlFor={`f-${id}`}>{tx(id)}</label>
        {error && <p id={`f-${id}-error`} className="error-message"><span className="visually-hidden">{translate(locale, 'errorLabel')}</span> {error}</p>}
        <input id={`f-${id}`} name={id} type={type} className="input input--medium" autoComplete="off" spellCheck={false}
          inputMode={id === 'email' ? 'email' : undefined} defaultValue={id === 'email' ? (result?.email ?? '') : undefined}
          aria-invalid={error ? true : undefined} aria-describedby={error ? `f-${id}-error` : undefined} />
      </div>
    )
  }
  return (
    <>
      <title>{`${summary.length ? translate(locale, 'errorTitlePrefix') : ''}${tx('title')}`}</title>
      <Link to={loaderData.from} className="back-link">{tx('back')}</Link>
      <ErrorSummary errors={summary} />
      <h1>{tx('title')}</h1>
      <p className="lead">{tx('intro')}</p>
      <Form method="post" noValidate autoComplete="off">
        <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
        <input type="hidden" name="fran" value={loaderData.from} />
        {field('email', 'email')}
        {field('password', 'password')}
        <button type="submit" className="button" disabled={navigation.state !== 'idle'}>{tx('submit')}</button>
      </Form>
    </>
  )
}
