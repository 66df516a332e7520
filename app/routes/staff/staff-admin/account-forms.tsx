import { Form, useNavigation } from 'react-router'
import type { StaffListItem } from '#services/auth/teams.server.ts'
import { useRootData } from '#app/root-data.ts'
import { Choices, fieldId, Select, TextInput } from '../case/fields.tsx'
import type { AdminActionData } from './action.server.ts'

type Option = { id: string; label: string }
export type AdminOptions = { roles: Option[]; teams: Option[]; departments: Option[]; locations: Option[] }

// Keyed by string so a role another issue adds still shows (by its id) until it is given a label here.
export const ROLE_LABEL: Record<string, string> = {
  handlaggare: 'Handläggare', teamledare: 'Teamledare', forvaltning: 'Förvaltning', admin: 'Administratör', bibliotek: 'Bibliotek', dataskydd: 'Dataskydd',
}

/** What a failed post of this form left: its errors and typed values; nothing for other forms. */
export function failed(a: AdminActionData | undefined, form: string) {
  const mine = a?.form === form ? a : undefined
  const value = (k: string) => { const v = mine?.values[k]; return Array.isArray(v) ? undefined : v }
  return { mine, error: (k: string) => mine?.errors[k], value, teams: mine?.values.teams as string[] | undefined }
}

/** The hidden fields and the button every form here carries (CSRF, which action, for whom). */
function AdminForm({ intent, staffId, label, secondary, children }: {
  intent: string; staffId?: string; label: React.ReactNode; secondary?: boolean; children?: React.ReactNode
}) {
  const root = useRootData()
  const navigation = useNavigation()
  return (
    <Form method="post" noValidate className="staff-form">
      <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
      {staffId && <input type="hidden" name="staffId" value={staffId} />}
      {children}
      <button type="submit" name="intent" value={intent} className={`button${secondary ? ' button--secondary' : ''}`} disabled={navigation.state === 'submitting'}>
        {label}
      </button>
    </Form>
  )
}

/** Role, teams, department and location: the scope of an account, for a new one and an existing one. */
function ScopeFields({ prefix, o, f, current }: {
  prefix: string; o: AdminOptions; f: ReturnType<typeof failed>; current?: Pick<StaffListItem, 'role' | 'teams' | 'department' | 'location'>
}) {
  return (
    <>
      <Select intent={prefix} name="role" label="Roll" options={o.roles} error={f.error('role')} defaultValue={f.value('role') ?? current?.role ?? 'handlaggare'} />
      <Choices intent={prefix} name="teams" label="Team (servicecenter)" multiple options={o.teams} error={f.error('teams')} chosen={f.teams ?? current?.teams ?? []} />
      <Select intent={prefix} name="department" label="Förvaltning (för rollen Förvaltning)" options={o.departments} empty="Ingen"
        error={f.error('department')} defaultValue={f.value('department') ?? current?.department ?? ''} />
      <Select intent={prefix} name="location" label="Arbetsplats (svarar på hjälpförfrågningar från kunddatorerna där)" options={o.locations} empty="Ingen"
        hint="Bibliotekspersonal måste ha en. Servicecenterpersonal utan arbetsplats svarar för servicecentret."
        error={f.error('location')} defaultValue={f.value('location') ?? current?.location ?? ''} />
    </>
  )
}

export function CreateAccount({ o, a }: { o: AdminOptions; a?: AdminActionData }) {
  const f = failed(a, 'new')
  return (
    <section aria-labelledby="new-h" className="action">
      <h2 id="new-h">Nytt konto</h2>
      <AdminForm intent="create" label="Skapa kontot">
        <TextInput intent="new" name="name" label="Namn" error={f.error('name')} defaultValue={f.value('name')} autoComplete="off" />
        <TextInput intent="new" name="email" type="email" label="E-postadress" hint="Personen loggar in med den." error={f.error('email')} defaultValue={f.value('email')} autoComplete="off" />
        <ScopeFields prefix="new" o={o} f={f} />
        <TextInput intent="new" name="password" type="password" label="Lösenord" hint="Minst 12 tecken. Lämna det till personen på ett säkert sätt."
          error={f.error('password')} autoComplete="new-password" />
      </AdminForm>
    </section>
  )
}

/** One account: what it is, and (under "Ändra") its scope, a new password, and stopping or allowing logins. */
export function Account({ p, o, a, self, justChanged }: { p: StaffListItem; o: AdminOptions; a?: AdminActionData; self: boolean; justChanged: boolean }) {
  const account = failed(a, `${p.id}-konto`)
  const pw = failed(a, `${p.id}-losenord`)
  const label = (list: Option[], id: string | null) => (id ? (list.find((x) => x.id === id)?.label ?? id) : null)
  const facts = [
    ROLE_LABEL[p.role] ?? p.role,
    p.teams.length ? `Team: ${p.teams.map((t) => label(o.teams, t)).join(', ')}` : null,
    label(o.departments, p.department), p.location ? `Arbetsplats: ${label(o.locations, p.location)}` : null,
    p.disabled ? 'Avstängt – kan inte logga in' : null,
  ].filter(Boolean)
  return (
    <li className="staff-list__item">
      <h3 className="staff-list__name" id={fieldId(`${p.id}-konto`, 'staff')} tabIndex={-1}>{p.name} <span className="muted">({p.email})</span></h3>
      <p>{facts.join(' · ')}</p>
      {account.error('staff') && <p className="error-message"><span className="visually-hidden">Fel:</span> {account.error('staff')}</p>}
      {/* Open after a change too, so the next step on the same account is at hand. */}
      <details open={Boolean(account.mine || pw.mine) || justChanged}>
        <summary>Ändra {p.name}</summary>
        <AdminForm intent="update" staffId={p.id} label={<>Spara<span className="visually-hidden"> {p.name}</span></>}>
          <ScopeFields prefix={`${p.id}-konto`} o={o} f={account} current={p} />
        </AdminForm>
        <AdminForm intent="password" staffId={p.id} secondary label={<>Sätt nytt lösenord<span className="visually-hidden"> för {p.name}</span></>}>
          <TextInput intent={`${p.id}-losenord`} name="password" type="password" label="Nytt lösenord" hint="Minst 12 tecken. Kontots inloggningar avslutas."
            error={pw.error('password')} autoComplete="new-password" />
        </AdminForm>
        {!self && (
          <AdminForm intent={p.disabled ? 'reactivate' : 'deactivate'} staffId={p.id} secondary
            label={<>{p.disabled ? 'Aktivera kontot' : 'Stäng av kontot'}<span className="visually-hidden"> för {p.name}</span></>} />
        )}
      </details>
    </li>
  )
}
