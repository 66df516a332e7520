import { data, Form, redirect } from 'react-router'
import { readForm } from '#services/auth/csrf.server.ts'
import { readCookie, serializeCookie } from '#services/auth/cookies.ts'
import { orderRefsOf } from '#services/bankid/orders.server.ts'
import { simulatorControl } from '#services/bankid/runtime.server.ts'
import { SIMULATOR_COOKIE } from '#services/bankid/simulator-choice.server.ts'
import { ageOn } from '#services/bankid/simulator/persons.ts'
import { env } from '#services/env.server.ts'
import { useRootData } from '#app/root-data.ts'
import { boundSession } from '../bankid/progress.server.ts'
import type { Route } from './+types/bankid-simulator'

// The BankID simulator's control page: what a tester does in the BankID app. Development and tests only;
// with a real BankID (and always in production) the page does not exist.

async function requireSimulator() {
  const control = await simulatorControl()
  if (!control) throw data(null, { status: 404 })
  return control
}

const FAILURES = ['startFailed', 'certificateErr', 'expiredTransaction'] as const

export async function loader({ request }: Route.LoaderArgs) {
  const control = await requireSimulator()
  const pending = control.pendingOrders()
  const bound = await boundSession(request)
  const mine = bound ? await orderRefsOf(bound.binding, pending.map((o) => o.orderRef)) : new Set<string>()
  const now = new Date()
  return {
    choice: readCookie(request.headers.get('Cookie'), SIMULATOR_COOKIE) ?? '',
    autoApprove: env().BANKID_SIMULATOR_AUTO_APPROVE ?? '',
    persons: control.persons.map((p) => ({ pnr: p.personalNumber, name: `${p.givenName} ${p.surname}`, age: ageOn(p.personalNumber, now) })),
    orders: pending.map((o) => ({
      orderRef: o.orderRef,
      kind: o.kind,
      startedAt: new Date(o.createdAt).toLocaleTimeString('sv-SE', { timeZone: 'Europe/Stockholm' }),
      hintCode: o.hintCode,
      personalNumber: o.personalNumber ?? null,
      text: o.userVisibleText ?? null,
      mine: mine.has(o.orderRef),
    })),
  }
}

export async function action({ request }: Route.ActionArgs) {
  const control = await requireSimulator()
  const form = await readForm(request)
  const intent = String(form.get('intent') ?? '')
  if (intent === 'choose') {
    const choice = String(form.get('choice') ?? '')
    throw redirect('/bankid-simulator', { headers: { 'Set-Cookie': serializeCookie(SIMULATOR_COOKIE, choice, choice ? {} : { maxAge: 0 }) } })
  }
  const orderRef = String(form.get('orderRef') ?? '')
  try {
    if (intent === 'approve') control.approve(orderRef, String(form.get('person') ?? ''))
    else if (intent === 'cancel') control.userCancel(orderRef)
    else if (FAILURES.includes(intent as (typeof FAILURES)[number])) control.fail(orderRef, intent as (typeof FAILURES)[number])
  } catch {
    // The order finished or expired meanwhile: the list below shows what is left.
  }
  throw redirect('/bankid-simulator')
}

export default function BankIdSimulator({ loaderData: d }: Route.ComponentProps) {
  const csrf = <input type="hidden" name="_csrf" value={useRootData()?.csrfToken ?? ''} />
  return (
    <div lang="sv">
      <title>BankID-simulator</title>
      <h1>BankID-simulator</h1>
      <div className="notice notice--warning"><p>Endast för utveckling och test. Sidan finns inte när en riktig BankID-miljö används.</p></div>

      <h2>Den här webbläsarens BankID</h2>
      <Form method="post">
        {csrf}
        <input type="hidden" name="intent" value="choose" />
        <fieldset className="fieldset">
          <legend className="legend">Vem godkänner beställningar som startas i den här webbläsaren?</legend>
          <div className="radios__item">
            <input className="radios__input" type="radio" id="choice-default" name="choice" value="" defaultChecked={d.choice === ''} />
            <label className="choice-label" htmlFor="choice-default">
              {d.autoApprove ? `Som inställt: godkänns automatiskt som ${d.autoApprove}` : 'Som inställt: ingen automatik, godkänn här'}
            </label>
          </div>
          {d.persons.map((p) => (
            <div className="radios__item" key={p.pnr}>
              <input className="radios__input" type="radio" id={`choice-${p.pnr}`} name="choice" value={p.pnr} defaultChecked={d.choice === p.pnr} />
              <label className="choice-label" htmlFor={`choice-${p.pnr}`}>{p.name} ({p.pnr}, {p.age} år), automatiskt</label>
            </div>
          ))}
          <div className="radios__item">
            <input className="radios__input" type="radio" id="choice-manual" name="choice" value="manual" defaultChecked={d.choice === 'manual'} />
            <label className="choice-label" htmlFor="choice-manual">Manuellt: godkänn eller avbryt här på sidan</label>
          </div>
        </fieldset>
        <button type="submit" className="button button--secondary">Spara val</button>
      </Form>

      <h2>Pågående beställningar</h2>
      {d.orders.length === 0 ? <p>Inga pågående beställningar.</p> : (
        <ul className="case-cards">
          {d.orders.map((o, i) => (
            <li key={o.orderRef} className={`case-card${o.mine ? ' case-card--mine' : ''}`} data-order-ref={o.orderRef}>
              <h3 className="case-card__title">
                {o.kind === 'sign' ? 'Underskrift' : 'Inloggning'} {o.startedAt}{o.mine ? ' – från den här webbläsaren' : ''}
              </h3>
              <p>Status: {o.hintCode}{o.personalNumber ? ` · bara för ${o.personalNumber}` : ''}</p>
              {o.text && <p className="pre-wrap simulator-text">{o.text}</p>}
              <Form method="post" className="upload-row">
                {csrf}
                <input type="hidden" name="orderRef" value={o.orderRef} />
                <label className="label label--small" htmlFor={`person-${i}`}>Person</label>
                <select id={`person-${i}`} name="person" className="input input--medium" defaultValue={o.personalNumber ?? d.persons[1]?.pnr}>
                  {d.persons.map((p) => <option key={p.pnr} value={p.pnr}>{p.name} ({p.age} år)</option>)}
                </select>
                <button type="submit" name="intent" value="approve" className="button">Godkänn</button>
                <button type="submit" name="intent" value="cancel" className="button button--secondary">Avbryt i appen</button>
                <button type="submit" name="intent" value="startFailed" className="button button--secondary">Misslyckas (startFailed)</button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <p><a href="/bankid-simulator">Uppdatera listan</a></p>
    </div>
  )
}
