import { data, Link } from 'react-router'
import { humanSize, summarise, t } from '../../../forms/kit/index.ts'
import { requireStaff } from '../../../services/auth/require-staff.server.ts'
import { getCase } from '../../../services/cases/queries.server.ts'
import { SummaryList } from '../../components/summary/summary-list.tsx'
import { channelLabel, formatDateTime, statusLabel } from './labels.ts'
import { StaffBar } from './staff-bar.tsx'
import type { Route } from './+types/case'

export async function loader({ request, params }: Route.LoaderArgs) {
  const staff = await requireStaff(request)
  const c = await getCase(params.caseId)
  if (!c) throw data(null, { status: 404 })
  const base = `/servicecenter/arenden/${c.id}`
  return {
    staff: { name: staff.name },
    number: c.number,
    title: t(c.definition.title, 'sv'),
    status: statusLabel(c.status),
    receivedAt: c.receivedAt.toISOString(),
    channel: channelLabel(c.channel),
    sections: summarise(c.definition, c.answers, 'sv'),
    attachments: c.attachments.map((a) => ({
      ...a, href: `${base}/bilagor/${a.id}`, isImage: a.mime.startsWith('image/') && a.mime !== 'image/heic', size: humanSize(a.size, 'sv'),
    })),
    pdfHref: `${base}/kvitto.pdf`,
    events: c.events.map((e) => ({ seq: e.seq, label: statusLabel(e.type), at: e.at.toISOString() })),
  }
}

export default function CasePage({ loaderData: d }: Route.ComponentProps) {
  return (
    <div lang="sv">
      <title>{`${d.number} – Servicecenter`}</title>
      <StaffBar name={d.staff.name} />
      <Link to="/servicecenter" className="back-link">Till ärendelistan</Link>
      <span className="caption">{d.title}</span>
      <h1>{d.number}</h1>
      <dl className="facts">
        <div><dt>Status</dt><dd>{d.status}</dd></div>
        <div><dt>Inkom</dt><dd>{formatDateTime(d.receivedAt)}</dd></div>
        <div><dt>Kanal</dt><dd>{d.channel}</dd></div>
      </dl>
      <p><a href={d.pdfHref}>Kvitto som PDF</a></p>
      <h2>Uppgifter</h2>
      <SummaryList sections={d.sections} locale="sv" headingLevel={3} />
      <h2>Bilagor</h2>
      {d.attachments.length === 0 ? <p>Inga bilagor.</p> : (
        <ul className="attachment-list">
          {d.attachments.map((a) => (
            <li key={a.id}>
              <a href={a.href}>{a.name}</a> ({a.size}{a.metadataRemoved.length ? ', platsinformation borttagen' : ''})
              {a.isImage && <div><img src={a.href} alt={`Bifogad bild: ${a.name}`} className="attachment-preview" /></div>}
            </li>
          ))}
        </ul>
      )}
      <h2>Händelser</h2>
      <ol className="timeline">
        {d.events.map((e) => <li key={e.seq}>{formatDateTime(e.at)} – {e.label}</li>)}
      </ol>
    </div>
  )
}
