import { Form, Link, redirect, useLocation } from 'react-router'
import { t } from '#forms/kit/index.ts'
import { FORMS } from '#forms/registry.ts'
import { requireStaff } from '#services/auth/require-staff.server.ts'
import { START_PAGES } from '#services/auth/staff-roles.ts'
import { CASE_ROLES, LEAD_ROLES, requireMember } from '#services/auth/teams.server.ts'
import { municipality } from '#services/config/municipality.server.ts'
import { listQueue, queueFlag } from '#services/cases/queue.server.ts'
import { DEPARTMENT_VIEWS, SORTS, VIEWS, type QueueView } from '#services/cases/queue-views.ts'
import { queueSummaries } from '#services/cases/queue-summary.server.ts'
import type { CaseStatus } from '#services/cases/state.ts'
import { RowAction } from '#app/components/row-action.tsx'
import { useRootData } from '#app/root-data.ts'
import { useHydrated } from '#app/utils/use-hydrated.ts'
import {
  ageLabel, CASE_STATUS_OPTIONS, caseStatusLabel, CHANNEL_OPTIONS, FLAG_FILTER_OPTIONS, flagLabel, formatDateTime,
} from './labels.ts'
import { BULK_FORM_ID, BulkBar, FIRST_CHECKBOX_ID } from './queue/bulk-bar.tsx'
import { BulkResult } from './queue/bulk-result.tsx'
import { bulkAction } from './queue-bulk.server.ts'
import { BULK_CASE_FIELD, type BulkActionData } from './queue-bulk.ts'
import {
  DEPARTMENT_VIEW_LABEL, FILTER_PARAM, parseQueueParams, queueHref, SORT_LABEL, VIEW_LABEL,
} from './queue-params.ts'
import { Shortcuts } from './shortcuts.tsx'
import { DueCell, NewsMark } from './due-cell.tsx'
import { dueWords } from '#services/cases/deadlines.server.ts'
import { newsLabel } from './needs-me-labels.ts'
import { StaffBar } from './staff-bar.tsx'
import type { Route } from './+types/queue'

const MESSAGES: Record<string, string> = {
  'inga-nya': 'Det finns inga nya ärenden i dina team just nu.',
  'inga-team': 'Du tillhör inget team än. Be en administratör lägga till dig i ett team.',
}

export async function loader({ request }: Route.LoaderArgs) {
  // Staff without case handling (kiosk help at a library, the data protection officer) have their own start page.
  const { role } = await requireStaff(request)
  if (!CASE_ROLES.includes(role)) throw redirect(START_PAGES[role] ?? '/servicecenter/hjalp')
  const member = await requireMember(request)
  const department = member.role === 'forvaltning'
  const url = new URL(request.url)
  const views: readonly QueueView[] = department ? DEPARTMENT_VIEWS : VIEWS
  const p = parseQueueParams(url.searchParams, views)
  const page = await listQueue({
    member, view: p.view, sort: p.sort, after: p.after,
    filters: { formId: p.formId, team: p.team, status: p.status as CaseStatus | undefined, channel: p.channel, location: p.location, flag: p.flag, minAgeDays: p.minAgeDays },
  })
  const summaries = await queueSummaries(page.items.map((c) => c.id), 'sv')
  const m = municipality()
  const teamName = (id: string | null) => (id ? (m.teams.find((x) => x.id === id)?.name.sv ?? id) : '–')
  const deptName = (id: string | null) => (id ? (m.departments.find((x) => x.id === id)?.name.sv ?? id) : '')
  return {
    staff: { name: member.name, role: member.role, teams: member.teams.map(teamName) },
    department,
    lead: LEAD_ROLES.includes(member.role),
    params: p,
    views: views.map((v) => ({ id: v, label: (department ? DEPARTMENT_VIEW_LABEL[v] : undefined) ?? VIEW_LABEL[v], href: queueHref({ view: v }) })),
    cases: page.items.map((c) => ({
      id: c.id, seq: c.seq, number: c.number, title: t(c.title, 'sv'), summary: summaries.get(c.id) ?? '', receivedAt: c.receivedAt.toISOString(),
      status: caseStatusLabel(c.status), claimable: c.status === 'new' && !department, assignee: c.assignee?.name ?? '',
      team: teamName(c.team), forwardedTo: deptName(c.forwardedTo), accepted: c.accepted,
      dueAt: c.dueAt?.toISOString() ?? null, due: dueWords(c.dueAt), news: newsLabel(c.news), late: c.late, flags: [...new Set([...c.flags.map(queueFlag), ...(c.late ? ['late'] : [])])].map(flagLabel),
    })),
    nextHref: page.next ? queueHref({ ...p, after: page.next }) : null,
    firstHref: p.after ? queueHref({ ...p, after: undefined }) : null,
    options: {
      forms: FORMS.map((f) => ({ id: f.id, label: t(f.title, 'sv') })),
      teams: m.teams.map((x) => ({ id: x.id, label: x.name.sv })),
      departments: m.departments.map((x) => ({ id: x.id, label: x.name.sv })),
      locations: m.locations.map((x) => ({ id: x.id, label: x.name })),
    },
    message: MESSAGES[url.searchParams.get('meddelande') ?? ''] ?? null,
  }
}

/** Several cases at once (issue 11): each gets its own event, checked against the version the list showed. */
export async function action({ request }: Route.ActionArgs) {
  return bulkAction(request)
}

function Select({ name, label, value, options }: { name: string; label: string; value?: string | number; options: [string, string][] }) {
  return (
    <div className="filter">
      <label className="label label--small" htmlFor={`q-${name}`}>{label}</label>
      <select id={`q-${name}`} name={name} className="select" defaultValue={value === undefined ? '' : String(value)}>
        <option value="">Alla</option>
        {options.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
      </select>
    </div>
  )
}

/** "Markera alla" needs a script; without one each row is ticked by itself, so the box is not drawn. */
function SelectAll() {
  if (!useHydrated()) return null
  return (
    <input type="checkbox" className="queue-check" aria-label="Markera alla ärenden på sidan" onChange={(e) => {
      for (const box of document.querySelectorAll<HTMLInputElement>(`input[form="${BULK_FORM_ID}"][name="${BULK_CASE_FIELD}"]`)) box.checked = e.currentTarget.checked
    }} />
  )
}

export default function Queue({ loaderData: d, actionData }: Route.ComponentProps) {
  const root = useRootData()
  const location = useLocation()
  const a = actionData as BulkActionData | undefined
  const p = d.params
  const viewLabel = d.views.find((v) => v.id === p.view)?.label ?? ''
  const sort = p.sort ?? (p.view === 'vantar' ? 'frist' : p.view === 'alla' || p.view === 'beslutade' ? 'nyast' : 'aldst')
  const bulk = !d.department && d.cases.length > 0
  return (
    <div lang="sv" className="queue-page">
      <title>{`${a?.errors ? 'Fel: ' : ''}${viewLabel} – Inkomna ärenden – Servicecenter`}</title>
      <StaffBar name={d.staff.name} role={d.staff.role} />
      <div className="page-head">
        <h1>Inkomna ärenden</h1>
        {!d.department && (
          <div className="take-next">
            <Form method="post" action="/servicecenter/ta-nasta">
              <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
              <button type="submit" className="button" accessKey="n" aria-describedby="take-next-hint">Ta nästa ärende</button>
            </Form>
            <p id="take-next-hint" className="hint">
              {d.staff.teams.length ? `Tar det äldsta nya ärendet i ${d.staff.teams.join(', ')}.` : 'Du tillhör inget team än.'}
            </p>
          </div>
        )}
      </div>
      {d.message && <div className="notice" role="status"><p>{d.message}</p></div>}
      <BulkResult a={a} />
      <nav aria-label="Vyer" className="views">
        <ul>
          {d.views.map((v) => (
            <li key={v.id}><Link to={v.href} aria-current={v.id === p.view ? 'page' : undefined}>{v.label}</Link></li>
          ))}
        </ul>
      </nav>
      <Form method="get" action="/servicecenter" className="filters" aria-label="Filtrera ärenden">
        <input type="hidden" name="vy" value={p.view} />
        <Select name={FILTER_PARAM.formId} label="E-tjänst" value={p.formId} options={d.options.forms.map((f) => [f.id, f.label])} />
        {!d.department && <Select name={FILTER_PARAM.team} label="Team" value={p.team} options={d.options.teams.map((x) => [x.id, x.label])} />}
        {p.view === 'alla' && <Select name={FILTER_PARAM.status} label="Status" value={p.status} options={CASE_STATUS_OPTIONS} />}
        <Select name={FILTER_PARAM.channel} label="Kanal" value={p.channel} options={CHANNEL_OPTIONS} />
        <Select name={FILTER_PARAM.location} label="Plats" value={p.location} options={d.options.locations.map((x) => [x.id, x.label])} />
        <Select name={FILTER_PARAM.flag} label="Flagga" value={p.flag} options={FLAG_FILTER_OPTIONS} />
        <Select name={FILTER_PARAM.minAgeDays} label="Ålder" value={p.minAgeDays} options={[['1', 'Äldre än 1 dag'], ['3', 'Äldre än 3 dagar'], ['7', 'Äldre än 7 dagar'], ['30', 'Äldre än 30 dagar']]} />
        <div className="filter">
          <label className="label label--small" htmlFor="q-sortera">Sortering</label>
          <select id="q-sortera" name="sortera" className="select" defaultValue={sort}>
            {SORTS.map((s) => <option key={s} value={s}>{SORT_LABEL[s]}</option>)}
          </select>
        </div>
        <button type="submit" className="button button--secondary button--small">Visa</button>
      </Form>
      {bulk && <BulkBar action={location.pathname + location.search} lead={d.lead} teams={d.options.teams} departments={d.options.departments} a={a} />}
      {d.cases.length === 0 ? <p>Inga ärenden.</p> : (
        <div className="table-wrap">
          <table className="table queue-table">
            <caption className="visually-hidden">{`${viewLabel}, ${SORT_LABEL[sort].toLowerCase()}`}</caption>
            <thead>
              <tr>
                {bulk && <th scope="col" className="queue-table__check"><SelectAll /><span className="visually-hidden">Markera</span></th>}
                <th scope="col">Flaggor</th><th scope="col">Ärende</th><th scope="col">E-tjänst</th><th scope="col">Sammanfattning</th>
                <th scope="col">Status</th><th scope="col">Inkom</th><th scope="col">Tidsfrist</th>
                {!d.department && <th scope="col"><span className="visually-hidden">Åtgärd</span></th>}
              </tr>
            </thead>
            <tbody>
              {d.cases.map((c, i) => (
                <tr key={c.id}>
                  {bulk && (
                    <td className="queue-table__check">
                      <input type="checkbox" className="queue-check" form={BULK_FORM_ID} name={BULK_CASE_FIELD} value={`${c.id}:${c.seq}`}
                        id={i === 0 ? FIRST_CHECKBOX_ID : `bulk-${c.id}`} aria-label={`Markera ${c.number}`} defaultChecked={a?.ticked?.includes(c.id)} />
                    </td>
                  )}
                  <td className="queue-table__flags"><span className="queue-marks">{c.news && <NewsMark label={c.news} />}{c.flags.length ? <ul className="flag-list">{c.flags.map((f) => <li key={f} className="flag">{f}</li>)}</ul> : !c.news && <span className="muted">–</span>}</span></td>
                  <td><Link to={`/servicecenter/arenden/${c.id}`}>{c.number}</Link></td>
                  <td>{c.title}</td>
                  <td className="queue-table__summary">{c.summary || <span className="muted">–</span>}</td>
                  <td>
                    {c.status}
                    <span className="muted">{` · ${c.assignee || c.team}`}</span>
                    {c.forwardedTo && <span className="muted">{` · ${c.forwardedTo}${c.accepted ? ', mottaget' : ''}`}</span>}
                  </td>
                  <td><time dateTime={c.receivedAt} title={formatDateTime(c.receivedAt)}>{ageLabel(c.receivedAt)}</time></td>
                  <DueCell dueAt={c.dueAt} due={c.due} />
                  {!d.department && (
                    <td>
                      {c.claimable && (
                        <RowAction action={`/servicecenter/arenden/${c.id}`} fields={{ seq: c.seq }} intent="claim" label="Ta" what={`ärende ${c.number}`} />
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="pagination" aria-label="Sidor">
        {d.firstHref && <Link to={d.firstHref}>Första sidan</Link>}
        {d.nextHref && <Link to={d.nextHref}>Nästa sida</Link>}
      </nav>
      <Shortcuts department={d.department} />
    </div>
  )
}
