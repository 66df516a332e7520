import { Form, redirect } from 'react-router'
import { readForm } from '#services/auth/csrf.server.ts'
import { requireMember } from '#services/auth/teams.server.ts'
import { formById } from '#services/forms/registry.server.ts'
import { exportArchive, zipResponse } from '#services/retention/archive.server.ts'
import { runRetention } from '#services/retention/job.server.ts'
import { retentionLog, retentionPreview, unexportedDue } from '#services/retention/preview.server.ts'
import { PREVIEW_DAYS, PREVIEW_LIMIT } from '#services/retention/settings.ts'
import { useRootData } from '#app/root-data.ts'
import { ListTable } from '#app/components/list-table.tsx'
import { formatDate, formatDateTime } from './labels.ts'
import { StaffBar } from './staff-bar.tsx'
import type { Route } from './+types/retention'

const DONE: Record<string, string> = {
  gallrat: 'Gallringen är körd. Det som var förfallet är borttaget och står i gallringsloggen.',
  inget: 'Det finns inga ärenden utan arkivpaket bland dem som gallras inom 30 dagar.',
}

/**
 * Retention by the records plan (issue 10), for administrators: the cases the job removes within the next
 * PREVIEW_DAYS days, a bulk export of their archive packages, and the gallringslogg.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const member = await requireMember(request, ['admin'])
  const preview = await retentionPreview()
  return {
    staff: { name: member.name, role: member.role },
    done: DONE[new URL(request.url).searchParams.get('klart') ?? ''] ?? null,
    total: preview.total,
    items: preview.items.map((i) => ({
      ...i, closedAt: i.closedAt.toISOString(), dueAt: i.dueAt.toISOString(), service: formById(i.formId)?.title.sv ?? i.formId,
    })),
    log: (await retentionLog()).map((l) => ({ ...l, at: l.at.toISOString() })),
  }
}

export async function action({ request }: Route.ActionArgs) {
  const member = await requireMember(request, ['admin'])
  const form = await readForm(request)
  if (form.get('intent') === 'run') {
    await runRetention()
    return redirect('/servicecenter/gallring?klart=gallrat')
  }
  const exported = await exportArchive(await unexportedDue(), member.id)
  if (!exported) return redirect('/servicecenter/gallring?klart=inget')
  return zipResponse(exported.zip, `arkivpaket-${new Date().toISOString().slice(0, 10)}.zip`)
}

const ACTION = { delete: 'Raderas', anonymise: 'Avidentifieras' }
const WAITING = { archive: 'Väntar på arkivpaket', 'sub-cases': 'Väntar på delärenden' }
const COUNTS: Record<string, string> = {
  cases: 'ärenden', attachments: 'bilagor', outbox: 'e-brev', signatures: 'underskrifter', bankidOrders: 'BankID-ordrar', audit: 'loggdetaljer',
  associationHistory: 'registerhistorik', events: 'händelser', searchVectors: 'sökindex', rows: 'rader',
}

export default function Retention({ loaderData: d }: Route.ComponentProps) {
  const root = useRootData()
  const csrf = <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
  return (
    <div lang="sv">
      <title>Gallring – Servicecenter</title>
      <StaffBar name={d.staff.name} role={d.staff.role} />
      <h1>Gallring</h1>
      {d.done && <p className="notice" role="status">{d.done}</p>}
      <p>
        Avslutade ärenden gallras enligt kommunens dokumenthanteringsplan: varje e-tjänst har en regel som säger hur länge
        ärendet sparas och vilket beslut regeln bygger på. Gallringen körs automatiskt varje timme.
      </p>
      <h2>Gallras inom {PREVIEW_DAYS} dagar</h2>
      {d.total === 0 ? <p>Inga ärenden gallras inom {PREVIEW_DAYS} dagar.</p> : (
        <>
          <p>
            {d.total} ärenden{d.total > d.items.length ? ` (de ${d.items.length} första visas)` : ''}. Ärenden vars regel kräver
            arkivpaket gallras först när ett paket har exporterats.
          </p>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Ärenden som gallras inom {PREVIEW_DAYS} dagar</caption>
              <thead>
                <tr><th scope="col">Ärende</th><th scope="col">E-tjänst</th><th scope="col">Avslutat</th><th scope="col">Gallras</th><th scope="col">Åtgärd</th><th scope="col">Beslut</th><th scope="col">Arkivpaket</th></tr>
              </thead>
              <tbody>
                {d.items.map((i) => (
                  <tr key={i.caseId}>
                    <td>{i.number}</td><td>{i.service}</td><td>{formatDate(i.closedAt)}</td><td>{formatDate(i.dueAt)}</td>
                    <td>{ACTION[i.action]}{i.waiting && <><br /><span className="muted">{WAITING[i.waiting]}</span></>}</td>
                    <td>{i.decision}</td>
                    <td>{i.exported ? 'Exporterat' : i.archiveFirst ? 'Krävs' : 'Inte exporterat'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Form method="post" reloadDocument>
            {csrf}
            <input type="hidden" name="intent" value="export" />
            <button type="submit" className="button button--secondary">Exportera arkivpaket (zip)</button>
            <p className="muted">Ärenden som ännu saknar arkivpaket, högst {PREVIEW_LIMIT} per fil. Exporten registreras per ärende.</p>
          </Form>
        </>
      )}
      <Form method="post">
        {csrf}
        <input type="hidden" name="intent" value="run" />
        <button type="submit" className="button">Gallra nu</button>
      </Form>
      <h2>Gallringslogg</h2>
      {d.log.length === 0 ? <p>Inget har gallrats än.</p> : (
        <ListTable caption="Gallringslogg, senaste först" columns={['Tid', 'Regel', 'Beslut', 'Åtgärd', 'Ärenden', 'Antal']}>
          {d.log.map((l, i) => (
            <tr key={i}>
              <td>{formatDateTime(l.at)}</td><td>{l.rule}</td><td>{l.decision ?? '–'}</td><td>{ACTION[l.action]}</td>
              <td>{l.caseNumbers.length ? l.caseNumbers.join(', ') : '–'}</td>
              <td>{Object.entries(l.counts).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${COUNTS[k] ?? k}`).join(', ')}</td>
            </tr>
          ))}
        </ListTable>
      )}
    </div>
  )
}
