import { data, Form, Link, redirect, useNavigation } from 'react-router'
import { readForm } from '#services/auth/csrf.server.ts'
import { reserveAttempt, succeeded } from '#services/auth/login-attempts.server.ts'
import { loginLimits } from '#services/auth/login-limits.server.ts'
import { enrolWithCode } from '#services/kiosk/kiosks.server.ts'
import { locationName } from '#services/kiosk/locations.server.ts'
import { kioskCookie } from '#services/kiosk/visit.ts'
import { ErrorSummary } from '#app/components/forms/error-summary.tsx'
import { textTable, translate, useLocale } from '#app/i18n.ts'
import { useRootData } from '#app/root-data.ts'
import { retryTime } from '#app/utils/format-date.ts'
import type { Route } from './+types/enrol'

const { translate: text } = textTable('kioskEnrol')

export async function loader({ context }: Route.LoaderArgs) {
  const k = context.kiosk
  return { enrolled: k ? { name: k.name, location: locationName(k.location) } : null }
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await readForm(request)
  const code = String(form.get('code') ?? '').trim()
  const fail = (key: 'empty' | 'wrong' | 'limited', status: number, retryAt?: Date) => data({ code, error: key, retryAt: retryAt?.toISOString() }, { status })
  if (!code) return fail('empty', 400)
  // Codes are 8 of 32 characters: wrong ones are counted per address before the code is looked up.
  const limits = loginLimits()
  const reserved = await reserveAttempt([limits.kioskEnrolment(context.clientIp)], limits.windowMinutes)
  if (!reserved.ok) return fail('limited', 429, reserved.retryAt)
  const enrolled = await enrolWithCode(code)
  if (!enrolled) return fail('wrong', 400)
  await succeeded(reserved.reservation, [])
  throw redirect('/kiosk', { headers: { 'Set-Cookie': kioskCookie(enrolled.token) } })
}

export default function Enrol({ loaderData, actionData }: Route.ComponentProps) {
  const locale = useLocale()
  const root = useRootData()
  const navigation = useNavigation()
  const error = actionData?.error ? text(locale, actionData.error, { time: retryTime(locale, actionData.retryAt) }) : undefined
  const title = text(locale, 'title')
  if (loaderData.enrolled) {
    return (
      <>
        <title>{title}</title>
        <h1>{title}</h1>
        <p>{text(locale, 'already', loaderData.enrolled)}</p>
        <p><Link to="/kiosk" className="button">{text(locale, 'toKiosk')}</Link></p>
      </>
    )
  }
  return (
    <>
      <title>{`${error ? translate(locale, 'errorTitlePrefix') : ''}${title}`}</title>
      <ErrorSummary errors={error ? [{ anchor: 'f-code', message: error }] : []} />
      <h1>{title}</h1>
      <p className="lead">{text(locale, 'intro')}</p>
      <Form method="post" noValidate autoComplete="off">
        <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
        <div className={`field${error ? ' field--error' : ''}`}>
          <label className="label" htmlFor="f-code">{text(locale, 'code')}</label>
          <div id="f-code-hint" className="hint">{text(locale, 'codeHint')}</div>
          {error && <p id="f-code-error" className="error-message"><span className="visually-hidden">{translate(locale, 'errorLabel')}</span> {error}</p>}
          <input
            id="f-code" name="code" type="text" className="input input--medium" autoComplete="off" autoCapitalize="characters"
            spellCheck={false} defaultValue={actionData?.code ?? ''} aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'f-code-hint f-code-error' : 'f-code-hint'}
          />
        </div>
        <button type="submit" className="button" disabled={navigation.state !== 'idle'}>{text(locale, 'submit')}</button>
      </Form>
    </>
  )
}
