import { data, Form, useNavigation } from 'react-router'
import { readForm } from '../../../services/auth/csrf.server.ts'
import { STAFF_ROLES, type StaffRole } from '../../../services/auth/staff.server.ts'
import { listStaff, requireMember, setStaffRole, setStaffScope } from '../../../services/auth/teams.server.ts'
import { municipality } from '../../../services/config/municipality.server.ts'
import { useRootData } from '../../root-data.ts'
import { StaffBar } from './staff-bar.tsx'
import type { Route } from './+types/staff-admin'

// Keyed by string so a role another issue adds still shows (by its id) until it is given a label here.
const ROLE_LABEL: Record<string, string> = { handlaggare: 'Handläggare', teamledare: 'Teamledare', forvaltning: 'Förvaltning', admin: 'Administratör', bibliotek: 'Bibliotek' }

export async function loader({ request }: Route.LoaderArgs) {
  const member = await requireMember(request, ['admin'])
  const m = municipality()
  return {
    staff: { id: member.id, name: member.name, role: member.role },
    people: await listStaff(),
    teams: m.teams.map((x) => ({ id: x.id, label: x.name.sv })),
    departments: m.departments.map((x) => ({ id: x.id, label: x.name.sv })),
    done: new URL(request.url).searchParams.get('sparat'),
    roles: [...STAFF_ROLES],
  }
}

export async function action({ request }: Route.ActionArgs) {
  const member = await requireMember(request, ['admin'])
  const form = await readForm(request)
  const id = String(form.get('staffId') ?? '')
  const people = await listStaff()
  const person = people.find((p) => p.id === id)
  if (!person) throw data(null, { status: 404 })
  const role = String(form.get('role') ?? '') as StaffRole
  if (!STAFF_ROLES.includes(role)) return data({ staffId: id, error: 'Välj en roll' }, { status: 400 })
  // An administrator cannot take away their own administration: someone must always be able to fix roles.
  if (id === member.id && role !== 'admin') return data({ staffId: id, error: 'Du kan inte ta bort din egen administratörsroll' }, { status: 400 })
  const department = String(form.get('department') ?? '') || null
  if (role === 'forvaltning' && !department) return data({ staffId: id, error: 'En förvaltningsanvändare måste tillhöra en förvaltning' }, { status: 400 })
  await setStaffRole(id, role)
  await setStaffScope(id, { teams: form.getAll('teams').map(String), department: role === 'forvaltning' ? department : null })
  return new Response(null, { status: 303, headers: { Location: `/servicecenter/personal?sparat=${id}` } })
}

export default function StaffAdmin({ loaderData: d, actionData: a }: Route.ComponentProps) {
  const root = useRootData()
  const navigation = useNavigation()
  return (
    <div lang="sv">
      <title>Personal – Servicecenter</title>
      <StaffBar name={d.staff.name} role={d.staff.role} />
      <h1>Personal, roller och team</h1>
      {d.done && <div className="notice notice--success" role="status"><p>Ändringen är sparad.</p></div>}
      <p>Nya konton läggs till med <code>npm run staff:add</code>. Team och förvaltningar kommer från kommunens konfiguration.</p>
      <ul className="staff-list">
        {d.people.map((p) => {
          const error = a && 'staffId' in a && a.staffId === p.id ? a.error : null
          const base = `p-${p.id}`
          return (
            <li key={p.id} className="staff-list__item">
              <h2 className="staff-list__name">{p.name} <span className="muted">({p.email})</span></h2>
              <p>{ROLE_LABEL[p.role] ?? p.role}{p.teams.length ? ` · Team: ${p.teams.map((t) => d.teams.find((x) => x.id === t)?.label ?? t).join(', ')}` : ''}
                {p.department ? ` · ${d.departments.find((x) => x.id === p.department)?.label ?? p.department}` : ''}{p.disabled ? ' · Avstängd' : ''}</p>
              <details open={Boolean(error)}>
                <summary>Ändra {p.name}</summary>
                <Form method="post" className="staff-form">
                  <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
                  <input type="hidden" name="staffId" value={p.id} />
                  {error && <p className="error-message" role="alert">{error}</p>}
                  <div className="field">
                    <label className="label" htmlFor={`${base}-role`}>Roll</label>
                    <select id={`${base}-role`} name="role" className="select" defaultValue={p.role}>
                      {d.roles.map((id) => <option key={id} value={id}>{ROLE_LABEL[id] ?? id}</option>)}
                    </select>
                  </div>
                  <fieldset className="fieldset field">
                    <legend className="legend legend--small">Team (servicecenter)</legend>
                    {d.teams.map((t) => (
                      <div className="checkboxes__item" key={t.id}>
                        <input id={`${base}-t-${t.id}`} type="checkbox" name="teams" value={t.id} defaultChecked={p.teams.includes(t.id)} className="checkboxes__input" />
                        <label htmlFor={`${base}-t-${t.id}`} className="choice-label">{t.label}</label>
                      </div>
                    ))}
                  </fieldset>
                  <div className="field">
                    <label className="label" htmlFor={`${base}-dept`}>Förvaltning (för rollen Förvaltning)</label>
                    <select id={`${base}-dept`} name="department" className="select" defaultValue={p.department ?? ''}>
                      <option value="">Ingen</option>
                      {d.departments.map((x) => <option key={x.id} value={x.id}>{x.label}</option>)}
                    </select>
                  </div>
                  <button type="submit" className="button" disabled={navigation.state === 'submitting'}>Spara<span className="visually-hidden"> {p.name}</span></button>
                </Form>
              </details>
            </li>
          )
        })}
      </ul>
    </div>
  )
}
