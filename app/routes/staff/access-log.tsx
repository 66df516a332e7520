import { data, Form, useNavigation } from 'react-router'
import { requireStaff } from '#services/auth/require-staff.server.ts'
import { ACCESS_LOG_ROLES } from '#services/auth/staff-roles.ts'
import { ErrorSummary } from '#app/components/forms/error-summary.tsx'
import { useRootData } from '#app/root-data.ts'
import { ListTable } from '#app/components/list-table.tsx'
import { accessLogRows, ACCESS_LOG_HEADER } from './access-log-rows.ts'
import { postedLookup } from './access-log-form.server.ts'
import { SearchField } from './search-field.tsx'
import { StaffBar } from './staff-bar.tsx'
import type { Route } from './+types/access-log'

export async function loader({ request }: Route.LoaderArgs) {
  const staff = await requireStaff(request, [...ACCESS_LOG_ROLES])
  return { staff: { name: staff.name, role: staff.role } }
}

// A POST, as the case search: a personnummer must not end up in the address bar, the history or access logs.
export async function action({ request }: Route.ActionArgs) {
  const r = await postedLookup(request, 'sida')
  if (!r.result) return data({ q: r.q, error: r.error, lookup: null }, { status: 400 })
  return {
    q: r.q, error: null,
    lookup: {
      kind: r.query.kind, value: r.query.value, caseNumbers: r.result.caseNumbers, truncated: r.result.truncated,
      rows: accessLogRows(r.result.entries),
    },
  }
}

export default function AccessLog({ loaderData: d, actionData: a }: Route.ComponentProps) {
  const root = useRootData()
  const navigation = useNavigation()
  const error = a?.error ?? null
  const l = a?.lookup ?? null
  return (
    <div lang="sv">
      <title>{`${error ? 'Fel: ' : ''}Åtkomstlogg – Servicecenter`}</title>
      <StaffBar name={d.staff.name} role={d.staff.role} />
      <ErrorSummary errors={error ? [{ anchor: 'q', message: error }] : []} />
      <h1>Åtkomstlogg</h1>
      <p>Vem som har öppnat en persons ärenden, bilagor och PDF:er, och vem som har sökt på personen. Varje uppslag här loggas också.</p>
      <Form method="post" className="search-form" role="search">
        <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
        <SearchField label="Personnummer eller ärendenummer" hint="Till exempel 19811218-9876 eller LARM-2026-000123." error={error} value={a?.q ?? ''} />
        <button type="submit" className="button" disabled={navigation.state === 'submitting'}>Visa åtkomster</button>
      </Form>
      {l && (
        <section aria-labelledby="result-h">
          <h2 id="result-h" role="status">
            {l.rows.length === 0 ? 'Inga åtkomster' : `${l.truncated ? 'De senaste ' : ''}${l.rows.length} ${l.rows.length === 1 ? 'åtkomst' : 'åtkomster'}`}
            {' '}för {l.kind === 'personnummer' ? 'personnummer' : 'ärende'} {l.value}
          </h2>
          {l.kind === 'personnummer' && (
            <p>{l.caseNumbers.length === 0 ? 'Personnumret finns inte i något ärende.' : `Ärenden där personnumret finns: ${l.caseNumbers.join(', ')}.`}</p>
          )}
          {/* A plain form: the browser downloads the file instead of the app navigating to it. */}
          <form method="post" action="/servicecenter/atkomstlogg.csv">
            <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
            <input type="hidden" name="q" value={l.value} />
            <button type="submit" className="button button--secondary">Ladda ner som CSV<span className="visually-hidden"> för {l.value}</span></button>
          </form>
          {l.rows.length > 0 && (
            <ListTable caption="Åtkomster, senaste först" columns={ACCESS_LOG_HEADER}>
              {l.rows.map((r, i) => <tr key={i}>{r.map((cell, j) => <td key={j}>{cell || '–'}</td>)}</tr>)}
            </ListTable>
          )}
        </section>
      )}
    </div>
  )
}
