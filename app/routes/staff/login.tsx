import { data, Form, redirect, useNavigation } from 'react-router'
import { readForm } from '#services/auth/csrf.server.ts'
import { safeRedirect } from '#services/auth/return-path.ts'
import { createSession, getSession } from '#services/auth/session.server.ts'
import { verifyStaffLogin } from '#services/auth/staff.server.ts'
import { START_PAGES } from '#services/auth/staff-roles.ts'
import { ErrorSummary } from '#app/components/forms/error-summary.tsx'
import { useRootData } from '#app/root-data.ts'
import { withRetryTime } from '#app/utils/format-date.ts'
import type { Route } from './+types/login'

export async function loader({ request }: Route.LoaderArgs) {
  const session = await getSession(request)
  const to = safeRedirect(new URL(request.url).searchParams.get('till'))
  if (session?.kind === 'staff') throw redirect(to)
  return { to }
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await readForm(request)
  const email = String(form.get('email') ?? '').trim()
  const password = String(form.get('password') ?? '')
  const to = safeRedirect(String(form.get('till') ?? ''))
  const errors: Record<string, string> = {}
  if (!email) errors.email = 'Fyll i din e-postadress'
  if (!password) errors.password = 'Fyll i ditt lösenord'
  if (Object.keys(errors).length) return data({ email, errors }, { status: 400 })
  const result = await verifyStaffLogin(email, password, context.clientIp)
  if (!result.ok) {
    const message = result.reason === 'rate-limited'
      ? withRetryTime('För många misslyckade inloggningar från den här datorn. Du kan försöka igen klockan {time}.', 'sv', result.retryAt.toISOString())
      : 'E-postadressen eller lösenordet är fel'
    return data({ email, errors: { email: message } as Record<string, string> }, { status: result.reason === 'rate-limited' ? 429 : 400 })
  }
  const { setCookie } = await createSession(request, 'staff', result.staff.id)
  // Roles without a case queue start on their own page: kiosk help requests (bibliotek), the access log (dataskydd).
  const landing = to === '/servicecenter' ? (START_PAGES[result.staff.role] ?? to) : to
  throw redirect(landing, { headers: { 'Set-Cookie': setCookie } })
}

export default function StaffLogin({ loaderData, actionData }: Route.ComponentProps) {
  const root = useRootData()
  const navigation = useNavigation()
  const errors = actionData?.errors ?? {}
  const summary = Object.entries(errors).map(([k, message]) => ({ anchor: `f-${k}`, message }))
  return (
    <div lang="sv">
      <title>{`${summary.length ? 'Fel: ' : ''}Logga in – Servicecenter`}</title>
      <ErrorSummary errors={summary} />
      <h1>Logga in som personal</h1>
      <Form method="post" noValidate>
        <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
        <input type="hidden" name="till" value={loaderData.to} />
        <div className={`field${errors.email ? ' field--error' : ''}`}>
          <label className="label" htmlFor="f-email">E-postadress</label>
          {errors.email && <p id="f-email-error" className="error-message"><span className="visually-hidden">Fel:</span> {errors.email}</p>}
          <input id="f-email" name="email" type="email" className="input" autoComplete="username" spellCheck={false}
            defaultValue={actionData?.email ?? ''} aria-invalid={errors.email ? true : undefined} aria-describedby={errors.email ? 'f-email-error' : undefined} />
        </div>
        <div className={`field${errors.password ? ' field--error' : ''}`}>
          <label className="label" htmlFor="f-password">Lösenord</label>
          {errors.password && <p id="f-password-error" className="error-message"><span className="visually-hidden">Fel:</span> {errors.password}</p>}
          <input id="f-password" name="password" type="password" className="input" autoComplete="current-password"
            aria-invalid={errors.password ? true : undefined} aria-describedby={errors.password ? 'f-password-error' : undefined} />
        </div>
        <button type="submit" className="button" disabled={navigation.state !== 'idle'}>Logga in</button>
      </Form>
    </div>
  )
}
