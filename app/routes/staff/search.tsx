import { data, Form, Link, useNavigation } from 'react-router'
import { t } from '#forms/kit/index.ts'
import { readForm } from '#services/auth/csrf.server.ts'
import { requireMember, SERVICECENTER_ROLES } from '#services/auth/teams.server.ts'
import { searchCases, type SearchKind } from '#services/cases/search.server.ts'
import { ErrorSummary } from '#app/components/forms/error-summary.tsx'
import { useRootData } from '#app/root-data.ts'
import { ListTable } from '#app/components/list-table.tsx'
import { caseStatusLabel, formatDateTime } from './labels.ts'
import { SearchField } from './search-field.tsx'
import { StaffBar } from './staff-bar.tsx'
import type { Route } from './+types/search'

export async function loader({ request }: Route.LoaderArgs) {
  const member = await requireMember(request, SERVICECENTER_ROLES)
  return { staff: { name: member.name, role: member.role } }
}

const KIND: Record<SearchKind, string> = { number: 'ärendenummer', personnummer: 'personnummer', orgnr: 'organisationsnummer', phone: 'telefonnummer', text: 'fritext' }

// A POST, not a GET: a personnummer must not end up in the address bar, the browser history or access logs.
export async function action({ request }: Route.ActionArgs) {
  const member = await requireMember(request, SERVICECENTER_ROLES)
  const form = await readForm(request)
  const q = String(form.get('q') ?? '').trim()
  if (q.length < 2) return data({ q, error: 'Skriv minst två tecken att söka efter', hits: null, kind: null }, { status: 400 })
  const r = await searchCases(member, q)
  return {
    q, error: null, kind: KIND[r.kind],
    hits: r.hits.map((h) => ({ ...h, title: t(h.title, 'sv'), receivedAt: h.receivedAt.toISOString(), status: caseStatusLabel(h.status) })),
  }
}

export default function Search({ loaderData: d, actionData: a }: Route.ComponentProps) {
  const root = useRootData()
  const navigation = useNavigation()
  const error = a?.error ?? null
  return (
    <div lang="sv">
      <title>{`${error ? 'Fel: ' : ''}Sök ärenden – Servicecenter`}</title>
      <StaffBar name={d.staff.name} role={d.staff.role} />
      <ErrorSummary errors={error ? [{ anchor: 'q', message: error }] : []} />
      <h1>Sök ärenden</h1>
      <Form method="post" className="search-form" role="search">
        <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
        <SearchField label="Sök på" hint="Ärendenummer, personnummer, telefonnummer, namn, adress, organisationsnummer eller ord i svaren. Sökningar loggas." error={error} value={a?.q ?? ''} />
        <button type="submit" className="button" disabled={navigation.state === 'submitting'}>Sök</button>
      </Form>
      {a?.hits && (
        <section aria-labelledby="hits-h">
          <h2 id="hits-h" role="status">{a.hits.length === 0 ? 'Inga ärenden hittades' : `${a.hits.length === 50 ? 'Minst ' : ''}${a.hits.length} ${a.hits.length === 1 ? 'ärende' : 'ärenden'}`} (sökt på {a.kind})</h2>
          {a.hits.length > 0 && (
            <ListTable caption="Sökresultat, nyast först" columns={['Ärendenummer', 'E-tjänst', 'Sökande', 'Inkom', 'Status', 'Handläggare']}>
              {a.hits.map((h) => (
                <tr key={h.id}>
                  <td><Link to={`/servicecenter/arenden/${h.id}`}>{h.number}</Link></td>
                  <td>{h.title}</td><td>{h.applicantName ?? '–'}</td><td>{formatDateTime(h.receivedAt)}</td><td>{h.status}</td><td>{h.assignee ?? '–'}</td>
                </tr>
              ))}
            </ListTable>
          )}
        </section>
      )}
    </div>
  )
}
