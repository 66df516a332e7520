import { createElement, type ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { describe, expect, it } from 'vitest'
import type { FieldDef } from '#forms/kit/index.ts'
import { trygghetslarm } from '#forms/trygghetslarm/index.ts'
import { foreningsbidrag } from '#forms/foreningsbidrag/index.ts'
// The interface texts, as the server build loads them at start (ADR 044).
import '#app/i18n.server.ts'
import { Field } from './field.tsx'
import { anchorFor } from './ids.ts'

/** Server markup, as a browser without JavaScript gets it: inside a router, since fields read root data. */
function render(node: ReactNode): string {
  const router = createMemoryRouter([{ path: '/', element: node }])
  return renderToStaticMarkup(createElement(RouterProvider, { router }))
}
const register = (name: string) => ({ name, onChange: async () => {}, onBlur: async () => {}, ref: () => {} })
const field = (def: { pages: readonly { fields: readonly FieldDef[] }[] }, id: string) => def.pages.flatMap((p) => p.fields).find((f) => f.id === id)!
/** The whole start tag that contains `needle`, so attribute order does not matter. */
const tagWith = (out: string, needle: string) => {
  const at = out.indexOf(needle)
  return at < 0 ? '' : out.slice(out.lastIndexOf('<', at), out.indexOf('>', at) + 1)
}
const html = (f: FieldDef, values: Record<string, unknown> = {}, errors: Record<string, string> = {}) =>
  render(createElement(Field, { field: f, locale: 'sv', values, errors, register: register as never, csrfToken: '' }))

describe('field components for the new kinds', () => {
  it('renders every row of a small group as a fieldset with named inputs, later rows optional', () => {
    const out = html(field(trygghetslarm, 'contacts'), { contacts: [{ name: 'Anna', hasKey: true }] })
    expect(out.match(/<fieldset/g)).toHaveLength(4)
    expect(out).toContain('<legend class="label">Kontaktperson 1</legend>')
    expect(out).toContain('<legend class="label">Kontaktperson 2 (frivilligt)</legend>')
    expect(tagWith(out, 'id="f-contacts-0-name"')).toContain('value="Anna"')
    expect(out).toContain('name="contacts.2.phone"')
    expect(tagWith(out, 'name="contacts.0.hasKey"')).toContain('checked')
    expect(out).not.toContain('add:contacts')
  })
  it('offers spare rows and an add-another submit button for a large group', () => {
    const out = html(field(foreningsbidrag, 'sessions'), { sessions: [{ date: '2026-09-02' }] })
    expect(out).toContain('name="sessions.2.minutes"')
    expect(out).not.toContain('name="sessions.3.minutes"')
    const button = tagWith(out, 'value="add:sessions"')
    for (const attr of ['<button', 'type="submit"', 'name="_action"', 'formNoValidate=""']) expect(button).toContain(attr)
    expect(out).toContain('Lägg till fler rader</button>')
  })
  it('links an item error to its input and names the row in the summary anchor', () => {
    const contacts = field(trygghetslarm, 'contacts')
    const out = html(contacts, {}, { 'contacts.1.phone': 'Kontaktperson 2: Fyll i telefon' })
    expect(out).toContain('id="f-contacts-1-phone-error"')
    expect(out).toMatch(/aria-describedby="f-contacts-1-phone-error"/)
    expect(anchorFor(contacts, 'contacts.1.phone')).toBe('f-contacts-1-phone')
    expect(anchorFor(contacts, 'contacts')).toBe('f-contacts-0-name')
  })
  it('gives personnummer, orgnr and money the right keyboards', () => {
    expect(html(field(trygghetslarm, 'applicantPnr'))).toMatch(/inputMode="numeric"/)
    expect(html(field(foreningsbidrag, 'orgnr'))).toMatch(/inputMode="numeric"/)
    expect(html(field(foreningsbidrag, 'membershipFee'))).toMatch(/inputMode="decimal"/)
    const flat = tagWith(html(field(trygghetslarm, 'apartmentNumber')), 'name="apartmentNumber"')
    expect(flat).toContain('inputMode="numeric"')
    expect(flat).toContain('class="input input--short"')
  })
  it('renders giro as type radios and a number input, each with its own error', () => {
    const payment = field(foreningsbidrag, 'payment')
    const out = html(payment, { payment: { type: 'plusgiro', number: '2865434' } }, { 'payment.number': 'Kontrollera plusgironumret' })
    expect(tagWith(out, 'id="f-payment-type"')).toContain('value="bankgiro"')
    expect(tagWith(out, 'value="plusgiro"')).toContain('checked')
    expect(out).toContain('id="f-payment-number-error"')
    expect(anchorFor(payment, 'payment')).toBe('f-payment-type')
  })
})

describe('option labels in another language', () => {
  it('mark a language’s own name with lang, and dir for right-to-left scripts', async () => {
    const { nyinflyttad } = await import('#forms/nyinflyttad/index.ts')
    const out = html(field(nyinflyttad, 'language'))
    expect(out).toContain('Arabiska (<span lang="ar" dir="rtl">العربية</span>)')
    expect(out).toContain('Finska (<span lang="fi">suomi</span>)')
    expect(out).toContain('<span lang="fit">Meänkieli</span>')
    expect(out).toMatch(/>Svenska<\/label>/)
  })
  it('show the hint derived from a file field’s rules', () => {
    const out = html(field(foreningsbidrag, 'statutes'))
    expect(out).toContain('PDF, JPEG, PNG eller HEIC, högst 10 MB per fil. Du kan bifoga 5 filer.')
  })
})
