import { data, Link } from 'react-router'
import { changeRows, registerRows } from '#forms/foreningsbidrag/register.ts'
import { audit } from '#services/audit/audit.server.ts'
import { requireMember, SERVICECENTER_ROLES } from '#services/auth/teams.server.ts'
import { getAssociation } from '#services/associations/register.server.ts'
import { caseStatusLabel, formatDateTime } from './labels.ts'
import { StaffBar } from './staff-bar.tsx'
import type { Route } from './+types/foreningar-association'

const ROLE: Record<string, string> = { chair: 'ordförande', treasurer: 'kassör', other: 'annan roll' }

/** One association: its entry as last filed, what each application changed, and those applications. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const member = await requireMember(request, SERVICECENTER_ROLES)
  const a = await getAssociation(params.orgnr)
  if (!a) throw data(null, { status: 404 })
  // The entry names the chair and treasurer with their phone and e-mail: who looked is logged.
  await audit(member.id, 'association.view', { details: { orgnr: a.orgnr, name: a.name } })
  return {
    staff: { name: member.name, role: member.role },
    name: a.name, orgnr: a.orgnr, updatedAt: a.updatedAt.toISOString(),
    rows: registerRows(a.details, 'sv'),
    history: a.history.map((h) => ({
      at: h.at.toISOString(), caseId: h.caseId, caseNumber: h.caseNumber,
      by: [h.actor.name ?? 'Okänd', h.actor.role ? ROLE[h.actor.role] ?? h.actor.role : null].filter(Boolean).join(', '),
      changes: changeRows(h.changes, 'sv'),
    })),
    cases: a.cases.map((c) => ({ id: c.id, number: c.number, receivedAt: c.receivedAt.toISOString(), status: caseStatusLabel(c.status) })),
  }
}

export default function Association({ loaderData: d }: Route.ComponentProps) {
  return (
    <div lang="sv">
      <title>{`${d.name} – Föreningsregister – Servicecenter`}</title>
      <StaffBar name={d.staff.name} role={d.staff.role} />
      <Link to="/servicecenter/foreningar" className="back-link">Till föreningsregistret</Link>
      <span className="caption">Förening · {d.orgnr}</span>
      <h1>{d.name}</h1>
      <p>Senast ändrad {formatDateTime(d.updatedAt)}.</p>
      <h2>Uppgifter</h2>
      <dl className="summary-list">
        {d.rows.map((r) => (
          <div className="summary-list__row" key={r.fieldId}><dt className="summary-list__key">{r.label}</dt><dd className="summary-list__value">{r.value}</dd></div>
        ))}
      </dl>

      <h2>Ärenden</h2>
      <ul className="linked-cases">
        {d.cases.map((c) => (
          <li key={c.id}><Link to={`/servicecenter/arenden/${c.id}`}>{c.number}</Link>, inkom {formatDateTime(c.receivedAt)}, {c.status.toLowerCase()}</li>
        ))}
      </ul>

      <h2>Historik</h2>
      <ol className="association-history">
        {d.history.map((h) => (
          <li key={h.caseId}>
            <h3>{formatDateTime(h.at)}: <Link to={`/servicecenter/arenden/${h.caseId}`}>{h.caseNumber}</Link>, {h.by}</h3>
            {h.changes.length === 0 ? <p>Inga ändringar: uppgifterna bekräftades.</p> : (
              <ul>
                {h.changes.map((c) => (
                  <li key={c.label}><strong>{c.label}:</strong> {c.from === null ? c.to : `${c.from} → ${c.to}`}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </div>
  )
}
