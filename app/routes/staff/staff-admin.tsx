import { STAFF_ROLES } from '#services/auth/staff.server.ts'
import { listStaff, requireMember } from '#services/auth/teams.server.ts'
import { municipality } from '#services/config/municipality.server.ts'
import { ErrorSummary } from '#app/components/forms/error-summary.tsx'
import { fieldId } from './case/fields.tsx'
import { StaffBar } from './staff-bar.tsx'
import { Account, CreateAccount, ROLE_LABEL } from './staff-admin/account-forms.tsx'
import { staffAdminAction, type AdminActionData } from './staff-admin/action.server.ts'
import type { Route } from './+types/staff-admin'

const DONE: Record<string, string> = {
  skapat: 'Kontot för {name} är skapat.', sparat: 'Ändringen för {name} är sparad.', losenord: '{name} har fått ett nytt lösenord.',
  avstangt: 'Kontot för {name} är avstängt och dess inloggningar är avslutade.', aktiverat: 'Kontot för {name} är aktiverat igen.',
}

/** Staff accounts, roles, teams, departments and locations (issue 5 and 6). Administrators only. */
export async function loader({ request }: Route.LoaderArgs) {
  const member = await requireMember(request, ['admin'])
  const m = municipality()
  const people = await listStaff({ includeDisabled: true })
  const url = new URL(request.url)
  const changed = people.find((p) => p.id === url.searchParams.get('konto'))
  const done = DONE[url.searchParams.get('klart') ?? '']
  return {
    staff: { id: member.id, name: member.name, role: member.role },
    people,
    options: {
      roles: STAFF_ROLES.map((id) => ({ id, label: ROLE_LABEL[id] ?? id })),
      teams: m.teams.map((x) => ({ id: x.id, label: x.name.sv })),
      departments: m.departments.map((x) => ({ id: x.id, label: x.name.sv })),
      locations: m.locations.map((x) => ({ id: x.id, label: x.name })),
    },
    done: done && changed ? done.replace('{name}', changed.name) : null,
    changed: changed?.id ?? null,
  }
}

export async function action({ request }: Route.ActionArgs) {
  return staffAdminAction(request)
}

export default function StaffAdmin({ loaderData: d, actionData }: Route.ComponentProps) {
  const a = actionData as AdminActionData | undefined
  const summary = Object.entries(a?.errors ?? {}).map(([name, message]) => ({ anchor: fieldId(a!.form, name), message }))
  return (
    <div lang="sv">
      <title>{`${summary.length ? 'Fel: ' : ''}Personal – Servicecenter`}</title>
      <StaffBar name={d.staff.name} role={d.staff.role} />
      <ErrorSummary errors={summary} />
      <h1>Personal, roller och team</h1>
      {d.done && !a && <div className="notice notice--success" role="status"><p>{d.done}</p></div>}
      <p>Team, förvaltningar och arbetsplatser kommer från kommunens konfiguration. Varje ändring skrivs i granskningsloggen.</p>
      <CreateAccount o={d.options} a={a} />
      <h2>Konton</h2>
      <ul className="staff-list">
        {d.people.map((p) => <Account key={p.id} p={p} o={d.options} a={a} self={p.id === d.staff.id} justChanged={p.id === d.changed} />)}
      </ul>
    </div>
  )
}
