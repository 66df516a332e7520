import { data, Form, Link, redirect } from 'react-router'
import { readForm } from '#services/auth/csrf.server.ts'
import { requireMember, SERVICECENTER_ROLES } from '#services/auth/teams.server.ts'
import { openCase } from '#services/cases/case-view.server.ts'
import { closeAsDuplicate } from '#services/cases/duplicates.server.ts'
import { ErrorSummary } from '#app/components/forms/error-summary.tsx'
import { useRootData } from '#app/root-data.ts'
import { fieldId, TextArea, TextInput } from './case/fields.tsx'
import { OtherCasesList } from './case/other-cases.tsx'
import { otherCasesData } from './case/other-cases.server.ts'
import { StaffBar } from './staff-bar.tsx'
import type { Route } from './+types/duplicate'

/**
 * "Avsluta som dubblett" (ADR 031): the case is closed with a link to the case the matter is handled in, which
 * the handler names by its number; the citizen's other cases are listed to pick from. A page of its own, so it
 * works without JavaScript and keeps the case page's action panel as it is.
 */
const INTENT = 'duplicate'

export async function loader({ request, params }: Route.LoaderArgs) {
  const member = await requireMember(request, SERVICECENTER_ROLES)
  const v = await openCase(member, params.caseId, { audit: false })
  if (!v) throw data(null, { status: 404 })
  return { staff: { name: member.name, role: member.role }, id: v.case.id, number: v.case.number, seq: v.state.seq, other: await otherCasesData(member, v) }
}

export async function action({ request, params }: Route.ActionArgs) {
  const member = await requireMember(request, SERVICECENTER_ROLES)
  const form = await readForm(request)
  const values = { primary: String(form.get('primary') ?? '').slice(0, 40), comment: String(form.get('comment') ?? '').slice(0, 4000).trim() }
  const seq = Number(form.get('seq'))
  if (!Number.isInteger(seq) || seq < 1) throw data(null, { status: 400 })
  const r = await closeAsDuplicate(member, params.caseId, seq, values.primary, values.comment)
  switch (r.kind) {
    case 'ok': return redirect(`/servicecenter/arenden/${params.caseId}?meddelande=close`)
    case 'not-found': throw data(null, { status: 404 })
    case 'invalid': return data({ values, error: r.message, refused: null }, { status: 400 })
    case 'stale': return data({ values, error: null, refused: 'Någon annan ändrade ärendet medan du arbetade med det. Kontrollera ärendet och försök igen.' }, { status: 409 })
    case 'refused': return data({ values, error: null, refused: r.reason }, { status: 409 })
  }
}

export default function Duplicate({ loaderData: d, actionData: a }: Route.ComponentProps) {
  const root = useRootData()
  const error = a?.error ?? undefined
  return (
    <div lang="sv">
      <title>{`${error ? 'Fel: ' : ''}Avsluta ${d.number} som dubblett – Servicecenter`}</title>
      <StaffBar name={d.staff.name} role={d.staff.role} />
      <Link to={`/servicecenter/arenden/${d.id}`} className="back-link">Tillbaka till {d.number}</Link>
      <ErrorSummary errors={error ? [{ anchor: fieldId(INTENT, 'primary'), message: error }] : []} />
      {a?.refused && (
        <div className="notice notice--warning" role="alert">
          <h2 className="notice__title">Ärendet gick inte att avsluta</h2>
          <p>{a.refused}</p>
        </div>
      )}
      <h1>Avsluta {d.number} som dubblett</h1>
      <p>Ärendet avslutas och medborgaren får veta vilket ärende saken handläggs i. När det ärendet är klart får medborgaren veta det också.</p>
      <OtherCasesList others={d.other.others} />
      <Form method="post">
        <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
        <input type="hidden" name="seq" value={d.seq} />
        <TextInput intent={INTENT} name="primary" label="Dubblett av ärende" hint="Ärendenumret, till exempel FEL-2026-000123." error={error} defaultValue={a?.values.primary ?? ''} />
        <TextArea intent={INTENT} name="comment" label="Intern kommentar (valfri)" defaultValue={a?.values.comment ?? ''} rows={3} />
        <button type="submit" className="button">Avsluta som dubblett</button>
      </Form>
    </div>
  )
}
