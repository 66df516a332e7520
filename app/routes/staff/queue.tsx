import { Link } from 'react-router'
import { t } from '../../../forms/kit/index.ts'
import { requireStaff } from '../../../services/auth/require-staff.server.ts'
import { listCases, UUID } from '../../../services/cases/queries.server.ts'
import { statusLabel, formatDateTime } from './labels.ts'
import { StaffBar } from './staff-bar.tsx'
import type { Route } from './+types/queue'

export async function loader({ request }: Route.LoaderArgs) {
  const staff = await requireStaff(request)
  const after = new URL(request.url).searchParams.get('efter')
  const [ts, id] = after?.split('_') ?? []
  const cursor = ts && id && UUID.test(id) && !Number.isNaN(Date.parse(ts)) ? { receivedAt: ts, id } : undefined
  const page = await listCases({ after: cursor })
  return {
    staff: { name: staff.name },
    cases: page.items.map((c) => ({ ...c, title: t(c.title, 'sv'), receivedAt: c.receivedAt.toISOString() })),
    nextHref: page.next ? `/servicecenter?efter=${encodeURIComponent(`${page.next.receivedAt}_${page.next.id}`)}` : null,
    isFirst: !cursor,
  }
}

export default function Queue({ loaderData }: Route.ComponentProps) {
  const { staff, cases, nextHref, isFirst } = loaderData
  return (
    <div lang="sv">
      <title>Inkomna ärenden – Servicecenter</title>
      <StaffBar name={staff.name} />
      <h1>Inkomna ärenden</h1>
      {cases.length === 0 ? <p>Inga ärenden.</p> : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Inkomna ärenden, nyast först</caption>
            <thead><tr><th scope="col">Ärendenummer</th><th scope="col">E-tjänst</th><th scope="col">Inkom</th><th scope="col">Status</th></tr></thead>
            <tbody>
              {cases.map((c) => (
                <tr key={c.id}>
                  <td><Link to={`/servicecenter/arenden/${c.id}`}>{c.number}</Link></td>
                  <td>{c.title}</td>
                  <td>{formatDateTime(c.receivedAt)}</td>
                  <td>{statusLabel(c.status)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="pagination" aria-label="Sidor">
        {!isFirst && <Link to="/servicecenter">Nyaste</Link>}
        {nextHref && <Link to={nextHref}>Äldre ärenden</Link>}
      </nav>
    </div>
  )
}
