import { Form, Link } from 'react-router'
import { requireMember, SERVICECENTER_ROLES } from '#services/auth/teams.server.ts'
import { searchAssociations } from '#services/associations/register.server.ts'
import { ErrorSummary } from '#app/components/forms/error-summary.tsx'
import { formatDateTime } from './labels.ts'
import { StaffBar } from './staff-bar.tsx'
import type { Route } from './+types/foreningar'

/**
 * The register of associations (issue 4): search by name or organisationsnummer. A GET: association names
 * and organisationsnummer are not personal data, and a search can then be bookmarked and shared.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const member = await requireMember(request, SERVICECENTER_ROLES)
  const q = (new URL(request.url).searchParams.get('q') ?? '').trim()
  const searched = new URL(request.url).searchParams.has('q')
  const error = searched && q.length < 2 ? 'Skriv minst två tecken att söka efter' : null
  const hits = searched && !error ? await searchAssociations(q) : null
  return {
    staff: { name: member.name, role: member.role },
    q, error,
    hits: hits?.map((h) => ({ ...h, updatedAt: h.updatedAt.toISOString() })) ?? null,
  }
}

export default function Associations({ loaderData: d }: Route.ComponentProps) {
  return (
    <div lang="sv">
      <title>{`${d.error ? 'Fel: ' : ''}Föreningsregister – Servicecenter`}</title>
      <StaffBar name={d.staff.name} role={d.staff.role} />
      <ErrorSummary errors={d.error ? [{ anchor: 'q', message: d.error }] : []} />
      <h1>Föreningsregister</h1>
      <p>Föreningarna och deras uppgifter som de senast lämnades i en ansökan om föreningsbidrag, med historik.</p>
      <Form method="get" className="search-form" role="search">
        <div className={`field${d.error ? ' field--error' : ''}`}>
          <label className="label" htmlFor="q">Sök förening</label>
          <div id="q-hint" className="hint">Namn eller del av namnet, eller organisationsnummer.</div>
          {d.error && <p id="q-error" className="error-message"><span className="visually-hidden">Fel:</span> {d.error}</p>}
          <input id="q" name="q" type="search" className="input" defaultValue={d.q} autoComplete="off" spellCheck={false}
            aria-describedby={d.error ? 'q-hint q-error' : 'q-hint'} aria-invalid={d.error ? true : undefined} />
        </div>
        <button type="submit" className="button">Sök</button>
      </Form>
      {d.hits && (
        <section aria-labelledby="hits-h">
          <h2 id="hits-h" role="status">{d.hits.length === 0 ? 'Inga föreningar hittades' : `${d.hits.length === 50 ? 'Minst ' : ''}${d.hits.length} ${d.hits.length === 1 ? 'förening' : 'föreningar'}`}</h2>
          {d.hits.length > 0 && (
            <table className="table">
              <caption className="visually-hidden">Föreningar i bokstavsordning</caption>
              <thead><tr><th scope="col">Förening</th><th scope="col">Organisationsnummer</th><th scope="col">Säte</th><th scope="col">Senast ändrad</th></tr></thead>
              <tbody>
                {d.hits.map((h) => (
                  <tr key={h.orgnr}>
                    <td><Link to={`/servicecenter/foreningar/${h.orgnr}`}>{h.name}</Link></td>
                    <td>{h.orgnr}</td><td>{h.seat ?? '–'}</td><td>{formatDateTime(h.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </div>
  )
}
