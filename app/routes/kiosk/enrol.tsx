import { data, Form, Link, redirect, useNavigation } from 'react-router'
import { fill, t } from '#forms/kit/text.ts'
import type { Text } from '#forms/kit/types.ts'
import { readForm } from '#services/auth/csrf.server.ts'
import { reserveAttempt, succeeded } from '#services/auth/login-attempts.server.ts'
import { loginLimits } from '#services/auth/login-limits.server.ts'
import { enrolWithCode } from '#services/kiosk/kiosks.server.ts'
import { locationName } from '#services/kiosk/locations.server.ts'
import { kioskCookie } from '#services/kiosk/visit.ts'
import { ErrorSummary } from '#app/components/forms/error-summary.tsx'
import { translate, useLocale } from '#app/i18n.ts'
import { useRootData } from '#app/root-data.ts'
import { withRetryTime } from '#app/utils/format-date.ts'
import type { Route } from './+types/enrol'

const TEXT = {
  title: { sv: 'Registrera kunddator', en: 'Enrol a public computer' },
  intro: { sv: 'Skriv engångskoden som en administratör har skapat under Servicecenter → Kunddatorer. Den här webbläsaren blir då kunddator på den plats koden gäller.', en: 'Type the one-time code an administrator created under Servicecenter → Public computers. This browser then becomes a public computer at the code’s location.' },
  code: { sv: 'Engångskod', en: 'One-time code' },
  codeHint: { sv: 'Åtta tecken, till exempel ABCD-EFGH.', en: 'Eight characters, for example ABCD-EFGH.' },
  submit: { sv: 'Registrera', en: 'Enrol' },
  empty: { sv: 'Fyll i engångskoden', en: 'Enter the one-time code' },
  wrong: { sv: 'Koden är fel, redan använd eller för gammal. Be administratören om en ny kod.', en: 'The code is wrong, already used or too old. Ask the administrator for a new code.' },
  limited: { sv: 'För många felaktiga koder från den här datorn. Du kan försöka igen klockan {time}.', en: 'Too many wrong codes from this computer. You can try again at {time}.' },
  already: { sv: 'Den här webbläsaren är redan kunddator: {name}, {location}.', en: 'This browser is already a public computer: {name}, {location}.' },
  toKiosk: { sv: 'Till kunddatorns startsida', en: 'To the public computer’s start screen' },
} satisfies Record<string, Text>

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
  const error = actionData?.error ? withRetryTime(t(TEXT[actionData.error], locale), locale, actionData.retryAt) : undefined
  const title = t(TEXT.title, locale)
  if (loaderData.enrolled) {
    return (
      <>
        <title>{title}</title>
        <h1>{title}</h1>
        <p>{fill(t(TEXT.already, locale), loaderData.enrolled)}</p>
        <p><Link to="/kiosk" className="button">{t(TEXT.toKiosk, locale)}</Link></p>
      </>
    )
  }
  return (
    <>
      <title>{`${error ? translate(locale, 'errorTitlePrefix') : ''}${title}`}</title>
      <ErrorSummary errors={error ? [{ anchor: 'f-code', message: error }] : []} />
      <h1>{title}</h1>
      <p className="lead">{t(TEXT.intro, locale)}</p>
      <Form method="post" noValidate autoComplete="off">
        <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
        <div className={`field${error ? ' field--error' : ''}`}>
          <label className="label" htmlFor="f-code">{t(TEXT.code, locale)}</label>
          <div id="f-code-hint" className="hint">{t(TEXT.codeHint, locale)}</div>
          {error && <p id="f-code-error" className="error-message"><span className="visually-hidden">{translate(locale, 'errorLabel')}</span> {error}</p>}
          <input
            id="f-code" name="code" type="text" className="input input--medium" autoComplete="off" autoCapitalize="characters"
            spellCheck={false} defaultValue={actionData?.code ?? ''} aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'f-code-hint f-code-error' : 'f-code-hint'}
          />
        </div>
        <button type="submit" className="button" disabled={navigation.state !== 'idle'}>{t(TEXT.submit, locale)}</button>
      </Form>
    </>
  )
}
