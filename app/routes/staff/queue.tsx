import { Form, Link, redirect } from 'react-router'
import { t } from '../../../forms/kit/index.ts'
import { FORMS } from '../../../forms/registry.ts'
import { requireStaff } from '../../../services/auth/require-staff.server.ts'
import { START_PAGES } from '../../../services/auth/staff-roles.ts'
import { CASE_ROLES, requireMember } from '../../../services/auth/teams.server.ts'
import { municipality } from '../../../services/config/municipality.server.ts'
import { listQueue, queueFlag, type QueueSort } from '../../../services/cases/queue.server.ts'
import type { CaseStatus } from '../../../services/cases/state.ts'
import { useRootData } from '../../root-data.ts'
import {
  ageLabel, CASE_STATUS_OPTIONS, caseStatusLabel, CHANNEL_OPTIONS, channelLabel, FLAG_FILTER_OPTIONS, flagLabel, formatDateTime,
} from './labels.ts'
import {
  DEPARTMENT_VIEW_LABEL, FILTER_PARAM, parseQueueParams, queueHref, SORT_LABEL, SORT_NAMES, VIEW_LABEL, VIEW_NAMES, type ViewName,
} from './queue-params.ts'
import { Shortcuts } from './shortcuts.tsx'
import { DueCell, NewsMark } from './due-cell.tsx'
import { dueWords } from '../../../services/cases/deadlines.server.ts'
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
  const views = (department ? ['nya', 'mina', 'alla'] : VIEW_NAMES) as readonly ViewName[]
  const p = parseQueueParams(url.searchParams, views)
  const page = await listQueue({
    member, view: p.view, sort: p.sort as QueueSort | undefined, after: p.after,
    filters: { formId: p.formId, team: p.team, status: p.status as CaseStatus | undefined, channel: p.channel, location: p.location, flag: p.flag, minAgeDays: p.minAgeDays },
  })
  const m = municipality()
  const teamName = (id: string | null) => (id ? (m.teams.find((x) => x.id === id)?.name.sv ?? id) : '–')
  const deptName = (id: string | null) => (id ? (m.departments.find((x) => x.id === id)?.name.sv ?? id) : '')
  return {
    staff: { name: member.name, role: member.role, teams: member.teams.map(teamName) },
    department,
    params: p,
    views: views.map((v) => ({ id: v, label: (department ? DEPARTMENT_VIEW_LABEL[v] : undefined) ?? VIEW_LABEL[v], href: queueHref({ view: v }) })),
    cases: page.items.map((c) => ({
      id: c.id, seq: c.seq, number: c.number, title: t(c.title, 'sv'), receivedAt: c.receivedAt.toISOString(),
      status: caseStatusLabel(c.status), claimable: c.status === 'new' && !department, assignee: c.assignee?.name ?? '',
      team: teamName(c.team), forwardedTo: deptName(c.forwardedTo), accepted: c.accepted,
      channel: channelLabel(c.channel) + (c.location ? ` (${m.locations.find((l) => l.id === c.location)?.name ?? c.location})` : ''),
      dueAt: c.dueAt?.toISOString() ?? null, due: dueWords(c.dueAt), news: newsLabel(c.news), late: c.late, flags: [...new Set([...c.flags.map(queueFlag), ...(c.late ? ['late'] : [])])].map(flagLabel),
    })),
    nextHref: page.next ? queueHref({ ...p, after: page.next }) : null,
    firstHref: p.after ? queueHref({ ...p, after: undefined }) : null,
    options: {
      forms: FORMS.map((f) => ({ id: f.id, label: t(f.title, 'sv') })),
      teams: m.teams.map((x) => ({ id: x.id, label: x.name.sv })),
      locations: m.locations.map((x) => ({ id: x.id, label: x.name })),
    },
    message: MESSAGES[url.searchParams.get('meddelande') ?? ''] ?? null,
  }
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

export default function Queue({ loaderData: d }: Route.ComponentProps) {
  const root = useRootData()
  const p = d.params
  const viewLabel = d.views.find((v) => v.id === p.view)?.label ?? ''
  const sort = p.sort ?? (p.view === 'vantar' ? 'frist' : p.view === 'alla' || p.view === 'beslutade' ? 'nyast' : 'aldst')
  return (
    <div lang="sv">
      <title>{`${viewLabel} – Inkomna ärenden – Servicecenter`}</title>
      <StaffBar name={d.staff.name} role={d.staff.role} />
      <h1>Inkomna ärenden</h1>
      {d.message && <div className="notice" role="status"><p>{d.message}</p></div>}
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
            {SORT_NAMES.map((s) => <option key={s} value={s}>{SORT_LABEL[s]}</option>)}
          </select>
        </div>
        <button type="submit" className="button button--secondary">Visa</button>
      </Form>
      {d.cases.length === 0 ? <p>Inga ärenden.</p> : (
        <div className="table-wrap">
          <table className="table queue-table">
            <caption className="visually-hidden">{`${viewLabel}, ${SORT_LABEL[sort].toLowerCase()}`}</caption>
            <thead>
              <tr>
                <th scope="col">Ärendenummer</th><th scope="col">E-tjänst</th><th scope="col">Inkom</th><th scope="col">Status</th>
                <th scope="col">Handläggare</th><th scope="col">Team</th><th scope="col">Kanal</th><th scope="col">Tidsfrist</th><th scope="col">Flaggor</th>
                {!d.department && <th scope="col"><span className="visually-hidden">Åtgärd</span></th>}
              </tr>
            </thead>
            <tbody>
              {d.cases.map((c) => (
                <tr key={c.id}>
                  <td><Link to={`/servicecenter/arenden/${c.id}`}>{c.number}</Link></td>
                  <td>{c.title}</td>
                  <td>{formatDateTime(c.receivedAt)}<br /><span className="muted">{ageLabel(c.receivedAt)}</span></td>
                  <td>{c.status}{c.forwardedTo && <><br /><span className="muted">{c.forwardedTo}{c.accepted ? ', mottaget' : ''}</span></>}</td>
                  <td>{c.assignee || '–'}</td>
                  <td>{c.team}</td>
                  <td>{c.channel}</td>
                  <DueCell dueAt={c.dueAt} due={c.due} />
                  <td>{c.news && <NewsMark label={c.news} />}{c.flags.length ? <ul className="flag-list">{c.flags.map((f) => <li key={f} className="flag">{f}</li>)}</ul> : '–'}</td>
                  {!d.department && (
                    <td>
                      {c.claimable && (
                        <Form method="post" action={`/servicecenter/arenden/${c.id}`}>
                          <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
                          <input type="hidden" name="seq" value={c.seq} />
                          <button type="submit" name="intent" value="claim" className="button button--secondary button--small">
                            Ta<span className="visually-hidden"> ärende {c.number}</span>
                          </button>
                        </Form>
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
