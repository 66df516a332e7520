import { data, Link, redirect } from 'react-router'
import { readForm } from '#services/auth/csrf.server.ts'
import { visitorSession } from '#services/auth/session.server.ts'
import { verifyStaffLogin } from '#services/auth/staff.server.ts'
import { takeOpenRequestOf, helpPath } from '#services/kiosk/help.server.ts'
import { setKioskData } from '#services/kiosk/session-data.server.ts'
import { HELP_ROLES } from '#services/kiosk/staff-location.server.ts'
import { ErrorSummary } from '#app/components/forms/error-summary.tsx'
import { LoginForm, LoginInput, useLoginPage } from '#app/components/kiosk/login-form.tsx'
import { textTable, type KeyIn } from '#app/i18n.ts'
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
  const result = actionData as ActionData | undefined
  const { tx, error, summary, title } = useLoginPage(text, result, ['email', 'password'])
  return (
    <>
      <title>{title(tx('title'))}</title>
      <Link to={loaderData.from} className="back-link">{tx('back')}</Link>
      <ErrorSummary errors={summary} />
      <h1>{tx('title')}</h1>
      <p className="lead">{tx('intro')}</p>
      <LoginForm submit={tx('submit')}>
        <input type="hidden" name="fran" value={loaderData.from} />
        <LoginInput name="email" type="email" inputMode="email" label={tx('email')} error={error('email')} defaultValue={result?.email ?? ''} />
        <LoginInput name="password" type="password" label={tx('password')} error={error('password')} />
      </LoginForm>
    </>
  )
}
