import { Link } from 'react-router'
import { LEAD_ROLES, requireMember } from '#services/auth/teams.server.ts'
import { municipality } from '#services/config/municipality.server.ts'
import { formLabel, keptTeams, kindLabel, listTemplates } from '#services/templates/templates.server.ts'
import { StaffBar } from './staff-bar.tsx'
import type { Route } from './+types/templates'

const DONE: Record<string, string> = { sparad: 'Mallen är sparad.', borttagen: 'Mallen är borttagen.' }

export async function loader({ request }: Route.LoaderArgs) {
  const member = await requireMember(request, LEAD_ROLES)
  const teams = keptTeams(member)
  const teamName = (id: string) => municipality().teams.find((tm) => tm.id === id)?.name.sv ?? id
  return {
    staff: { name: member.name, role: member.role },
    hasTeams: teams.length > 0,
    templates: (await listTemplates(teams)).map((tm) => ({
      id: tm.id, title: tm.title, kind: kindLabel(tm.kind), team: teamName(tm.team), form: formLabel(tm.formId),
    })),
    done: DONE[new URL(request.url).searchParams.get('meddelande') ?? ''] ?? null,
  }
}

/** The team leads' list of standard replies (standardsvar) for their teams. */
export default function Templates({ loaderData: d }: Route.ComponentProps) {
  return (
    <div lang="sv">
      <title>Standardsvar – Servicecenter</title>
      <StaffBar name={d.staff.name} role={d.staff.role} />
      {d.done && <div className="notice notice--success" role="status"><p>{d.done}</p></div>}
      <h1>Standardsvar</h1>
      <p className="lead">Mallar för meddelanden, begäran om komplettering och beslutsskäl. Handläggarna väljer dem på ärendesidan och kan ändra texten innan de skickar.</p>
      {d.hasTeams ? <p><Link to="/servicecenter/mallar/ny" className="button">Ny mall</Link></p> : <p>Du hör inte till något team. En administratör kan lägga till dig i ett team.</p>}
      <div className="table-wrap">
        <table className="table">
          <caption>Dina teams mallar</caption>
          <thead><tr><th scope="col">Rubrik</th><th scope="col">Används till</th><th scope="col">Team</th><th scope="col">E-tjänst</th></tr></thead>
          <tbody>
            {d.templates.length === 0 ? <tr><td colSpan={4}>Inga mallar ännu.</td></tr> : d.templates.map((tm) => (
              <tr key={tm.id}>
                <th scope="row"><Link to={`/servicecenter/mallar/${tm.id}`}>{tm.title}</Link></th>
                <td>{tm.kind}</td><td>{tm.team}</td><td>{tm.form}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}
