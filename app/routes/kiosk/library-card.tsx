import { useEffect } from 'react'
import { data, Link, redirect } from 'react-router'
import { readForm } from '#services/auth/csrf.server.ts'
import { checkLibraryCard, libraryCardLoginAvailable, loginWithLibraryCard } from '#services/kiosk/library-login.server.ts'
import { ErrorSummary } from '#app/components/forms/error-summary.tsx'
import { LoginForm, LoginInput, useLoginPage } from '#app/components/kiosk/login-form.tsx'
import { textTable, type KeyIn } from '#app/i18n.ts'
import type { Route } from './+types/library-card'

type Problem = KeyIn<'kioskCard'>
const { translate: text } = textTable('kioskCard')
type ActionData = { card: string; errors: { card?: Problem; pin?: Problem }; notice?: Problem; retryAt?: string }

// SIP2 fields end at '|' and CR; cards and PINs are short and plain. Spaces are typed from the card's print.
const CARD = /^[0-9A-Za-z]{1,32}$/
const PIN = /^[0-9A-Za-z]{1,32}$/

export async function loader({ context }: Route.LoaderArgs) {
  if (!context.kiosk) throw redirect('/kiosk')
  return { available: libraryCardLoginAvailable() }
}

export async function action({ request, context }: Route.ActionArgs) {
  if (!context.kiosk) throw redirect('/kiosk')
  const form = await readForm(request)
  const card = String(form.get('card') ?? '').replace(/[\s-]/g, '')
  const pin = String(form.get('pin') ?? '')
  const errors: ActionData['errors'] = {}
  if (!card) errors.card = 'emptyCard'
  else if (!CARD.test(card)) errors.card = 'badCard'
  if (!pin) errors.pin = 'emptyPin'
  else if (!PIN.test(pin)) errors.pin = 'badPin'
  if (errors.card || errors.pin) return data<ActionData>({ card, errors }, { status: 400 })

  const result = await checkLibraryCard(card, pin, context.kiosk.id)
  if (result.ok) {
    const setCookie = await loginWithLibraryCard(request, result.patron)
    throw redirect('/kiosk', { headers: { 'Set-Cookie': setCookie } })
  }
  // The PIN is never sent back; the card number is, so a wrong PIN does not mean typing both again.
  if (result.reason === 'unavailable') return data<ActionData>({ card, errors: {}, notice: 'unavailable' }, { status: 503 })
  if (result.reason === 'rate-limited') return data<ActionData>({ card, errors: { card: 'rate-limited' }, retryAt: result.retryAt.toISOString() }, { status: 429 })
  return data<ActionData>({ card, errors: { card: result.reason } }, { status: 400 })
}

export default function LibraryCardLogin({ loaderData, actionData }: Route.ComponentProps) {
  const result = actionData as ActionData | undefined
  const { tx, error, summary, title } = useLoginPage(text, result, ['card', 'pin'])
  // After an answer the PIN box starts empty again, as it does without JavaScript.
  useEffect(() => {
    const pin = document.getElementById('f-pin')
    if (result && pin instanceof HTMLInputElement) pin.value = ''
  }, [result])
  return (
    <>
      <title>{title(tx('title'))}</title>
      <Link to="/kiosk" className="back-link">{tx('back')}</Link>
      {result?.notice && <div className="notice notice--warning" role="alert"><p>{tx(result.notice)}</p></div>}
      <ErrorSummary errors={summary} />
      <h1>{tx('title')}</h1>
      {!loaderData.available ? <p className="lead">{tx('notAvailable')}</p> : (
        <>
          <p className="lead">{tx('intro')}</p>
          <LoginForm submit={tx('submit')}>
            <LoginInput name="card" type="text" inputMode="numeric" label={tx('card')} hint={tx('cardHint')} error={error('card')} defaultValue={result?.card ?? ''} />
            <LoginInput name="pin" type="password" inputMode="numeric" label={tx('pin')} hint={tx('pinHint')} error={error('pin')} />
          </LoginForm>
        </>
      )}
    </>
  )
}
