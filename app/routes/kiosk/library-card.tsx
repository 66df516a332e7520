import { useEffect } from 'react'
import { data, Form, Link, redirect, useNavigation } from 'react-router'
import type { Locale } from '#forms/kit/types.ts'
import { readForm } from '#services/auth/csrf.server.ts'
import { checkLibraryCard, libraryCardLoginAvailable, loginWithLibraryCard } from '#services/kiosk/library-login.server.ts'
import { ErrorSummary } from '#app/components/forms/error-summary.tsx'
import { textTable, translate, useLocale, type KeyIn } from '#app/i18n.ts'
import { retryTime } from '#app/utils/format-date.ts'
import { useRootData } from '#app/root-data.ts'
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

function Input(props: { id: 'card' | 'pin'; label: string; hint: string; error?: string; locale: Locale; defaultValue?: string; type: string }) {
  const { id, label, hint, error, locale } = props
  const fid = `f-${id}`
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label className="label" htmlFor={fid}>{label}</label>
      <div id={`${fid}-hint`} className="hint">{hint}</div>
      {error && <p id={`${fid}-error`} className="error-message"><span className="visually-hidden">{translate(locale, 'errorLabel')}</span> {error}</p>}
      <input
        id={fid} name={id} type={props.type} inputMode="numeric" className="input input--medium" autoComplete="off" spellCheck={false}
        defaultValue={props.defaultValue} aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${fid}-hint ${fid}-error` : `${fid}-hint`}
      />
    </div>
  )
}

export default function LibraryCardLogin({ loaderData, actionData }: Route.ComponentProps) {
  const locale = useLocale()
  const root = useRootData()
  const navigation = useNavigation()
  const result = actionData as ActionData | undefined
  const tx = (k: Problem) => text(locale, k, { time: retryTime(locale, result?.retryAt) })
  const errors = result?.errors ?? {}
  // After an answer the PIN box starts empty again, as it does without JavaScript.
  useEffect(() => {
    const pin = document.getElementById('f-pin')
    if (result && pin instanceof HTMLInputElement) pin.value = ''
  }, [result])
  const summary = (['card', 'pin'] as const).flatMap((k) => (errors[k] ? [{ anchor: `f-${k}`, message: tx(errors[k]!) }] : []))
  return (
    <>
      <title>{`${summary.length ? translate(locale, 'errorTitlePrefix') : ''}${tx('title')}`}</title>
      <Link to="/kiosk" className="back-link">{tx('back')}</Link>
      {result?.notice && <div className="notice notice--warning" role="alert"><p>{tx(result.notice)}</p></div>}
      <ErrorSummary errors={summary} />
      <h1>{tx('title')}</h1>
      {!loaderData.available ? <p className="lead">{tx('notAvailable')}</p> : (
        <>
          <p className="lead">{tx('intro')}</p>
          <Form method="post" noValidate autoComplete="off">
            <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
            <Input id="card" type="text" label={tx('card')} hint={tx('cardHint')} error={errors.card && tx(errors.card)} locale={locale} defaultValue={result?.card ?? ''} />
            <Input id="pin" type="password" label={tx('pin')} hint={tx('pinHint')} error={errors.pin && tx(errors.pin)} locale={locale} />
            <button type="submit" className="button" disabled={navigation.state !== 'idle'}>{tx('submit')}</button>
          </Form>
        </>
      )}
    </>
  )
}
