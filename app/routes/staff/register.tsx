import { Link } from 'react-router'
import { t } from '#forms/kit/index.ts'
import { FORMS } from '#forms/registry.ts'
import { requireMember, SERVICECENTER_ROLES } from '#services/auth/teams.server.ts'
import { StaffBar } from './staff-bar.tsx'
import type { Route } from './+types/register'

export async function loader({ request }: Route.LoaderArgs) {
  const member = await requireMember(request, SERVICECENTER_ROLES)
  return {
    staff: { name: member.name, role: member.role },
    forms: FORMS.map((f) => ({ id: f.id, title: t(f.title, 'sv'), description: t(f.description, 'sv'), needsId: f.identification !== 'none' })),
  }
}

/** Where staff start registering a matter for a citizen who phoned, visited, e-mailed or wrote. */
export default function Register({ loaderData: d }: Route.ComponentProps) {
  return (
    <div lang="sv">
      <title>Registrera ärende – Servicecenter</title>
      <StaffBar name={d.staff.name} role={d.staff.role} />
      <h1>Registrera ärende för en medborgare</h1>
      <p className="lead">Välj e-tjänst. Du fyller i den för medborgarens räkning och anger hur ärendet kom in.</p>
      <ul className="service-list">
        {d.forms.map((f) => (
          <li key={f.id} className="service-list__item">
            <h2 className="service-list__title"><Link to={`/servicecenter/registrera/${f.id}`}>{f.title}</Link></h2>
            <p>{f.description}{f.needsId ? ' Medborgarens personnummer behövs.' : ''}</p>
          </li>
        ))}
      </ul>
    </div>
  )
}
