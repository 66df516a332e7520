import { data, Form, Link, useLocation, type ShouldRevalidateFunctionArgs } from 'react-router'
import { listStaff, requireMember, SERVICECENTER_ROLES } from '#services/auth/teams.server.ts'
import { hiddenFileIds, openCase } from '#services/cases/case-view.server.ts'
import { nextOfMine } from '#services/cases/queue.server.ts'
import { signatureForStaff } from '#services/signing/staff-view.server.ts'
import { ErrorSummary } from '#app/components/forms/error-summary.tsx'
import { SummaryList } from '#app/components/summary/summary-list.tsx'
import { useRootData } from '#app/root-data.ts'
import { caseAction, type CaseActionData } from './case-action.server.ts'
import { caseLoaderData } from './case-data.server.ts'
import { ActionForm, ActionForms } from './case/action-forms.tsx'
import { AttachmentViewer, viewerHref } from './case/attachment-viewer.tsx'
import { Checklist } from './case/checklist.tsx'
import { fieldId } from './case/fields.tsx'
import { LetterPreview } from './case/letter-preview.tsx'
import { MessageThread } from './case/message-thread.tsx'
import { SignatureFacts } from './case/signature.tsx'
import { staffThread } from './case/thread.ts'
import { Timeline } from './case/timeline.tsx'
import { templateFill, TemplatePicker } from './case/template-picker.tsx'
import { caseTemplates } from '#services/templates/case-templates.server.ts'
import { LinkedCasesSection } from './case/linked-cases.tsx'
import { OtherCasesPanel } from './case/other-cases.tsx'
import { otherCasesData } from './case/other-cases.server.ts'
import { linkedCases } from '#services/cases/sub-cases.server.ts'
import { sql } from '#services/db/sql.server.ts'
import { caseStatusLabel, formatDate, formatDateTime } from './labels.ts'
import { RESULT_ID, useResultFocus } from './result-focus.ts'
import { Shortcuts } from './shortcuts.tsx'
import { StaffBar } from './staff-bar.tsx'
import { DueWords } from './due-cell.tsx'
import { ARCHIVE_ROLES } from '#services/retention/settings.ts'
import type { Route } from './+types/case'

const DONE: Record<string, string> = {
  tagen: 'Du har tagit nästa ärende.', registrerat: 'Ärendet är registrerat.', claim: 'Du har tagit ärendet.', release: 'Ärendet är släppt och ligger bland Nya.',
  reassign: 'Ärendet är omfördelat.', note: 'Anteckningen är sparad.', check: 'Kontrollpunkten är sparad.', flag: 'Ärendet är flaggat.',
  unflag: 'Flaggan är borttagen.', supplement: 'Begäran om komplettering är skickad.', forward: 'Ärendet är vidarebefordrat.',
  accept: 'Förvaltningen har tagit emot ärendet.', outcome: 'Utfallet är registrerat och ärendet avslutat.', decide: 'Beslutet är fattat.',
  close: 'Ärendet är avslutat.', reopen: 'Ärendet är återöppnat.', message: 'Meddelandet är skickat.',
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const member = await requireMember(request)
  const v = await openCase(member, params.caseId)
  if (!v) throw data(null, { status: 404 })
  const staff = member.role === 'teamledare' || member.role === 'admin' ? await listStaff({ roles: SERVICECENTER_ROLES }) : []
  const next = member.role === 'forvaltning' ? null : await nextOfMine(member, v.case.id)
  // A department sees only the cases forwarded to it, so it is not shown the request's other parts.
  const linked = member.role === 'forvaltning' ? { parent: null, lines: [] } : await linkedCases(sql(), v.case.id, 'sv')
  const base = caseLoaderData(member, v, staff.map((s) => ({ id: s.id, label: s.name })))
  // The viewer shows only a file this reader may open; any other id (hidden, unknown) shows no viewer.
  const fileId = new URL(request.url).searchParams.get('bilaga')
  const viewing = base.attachments.find((a) => a.id === fileId && !a.hidden)
  return {
    ...base,
    viewing: viewing && !viewing.hidden ? { id: viewing.id, name: viewing.name, href: viewing.href, isPdf: viewing.isPdf, isImage: viewing.isImage } : null,
    nextHref: next ? `/servicecenter/arenden/${next}` : null,
    signature: await signatureForStaff(member, v.case.id, v.state.assignee?.id ?? null),
    thread: staffThread(v.events, v.case.id, hiddenFileIds(v)),
    done: DONE[new URL(request.url).searchParams.get('meddelande') ?? ''] ?? null,
    linked: { parent: linked.parent, subCases: linked.lines.map((l) => ({ ...l, status: caseStatusLabel(l.status) })) },
    templates: await caseTemplates(member, v, new URL(request.url).searchParams.get('mall')),
    other: await otherCasesData(member, v),
  }
}

export async function action({ request, params }: Route.ActionArgs) {
  return caseAction(request, params.caseId)
}

/** A stale or refused post must show the case as it now is, so the loader runs again even on 409. */
export function shouldRevalidate({ actionResult, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  const r = actionResult as CaseActionData | undefined
  return r?.stale || r?.refused ? true : defaultShouldRevalidate
}

export default function CasePage({ loaderData: d, actionData }: Route.ComponentProps) {
  const root = useRootData()
  const location = useLocation()
  const posted = actionData as CaseActionData | undefined
  // A chosen standard reply fills its form as if typed; a real post's answer always wins.
  const a = posted ?? templateFill(d)
  const summary = Object.entries(a?.errors ?? {}).map(([name, message]) => ({ anchor: fieldId(a!.intent, name), message }))
  const department = d.staff.role === 'forvaltning'
  // After an action, focus goes to its result at the top of the action panel (the error summary focuses itself).
  const result = useResultFocus<HTMLDivElement>(summary.length ? null : (posted ?? (d.done ? location.key : null)))
  return (
    <div lang="sv" className="case-page">
      <title>{`${summary.length ? 'Fel: ' : ''}${d.number} – Servicecenter`}</title>
      <StaffBar name={d.staff.name} role={d.staff.role} />
      <Link to="/servicecenter" className="back-link" accessKey="k">Till ärendelistan</Link>
      <span className="caption">{d.title}</span>
      <h1 id="case-h" tabIndex={-1}>{d.number}</h1>

      <div className="case-layout">
        {/* First after the heading in reading order, drawn on the right: the actions are a few Tab presses away. */}
        <aside className="case-panel" aria-label="Åtgärder">
          <div id={RESULT_ID} ref={result} tabIndex={-1} className="case-panel__result">
            {d.done && !a && <div className="notice notice--success" role="status"><p>{d.done}</p></div>}
            {a?.stale && (
              <div className="notice notice--warning" role="alert">
                <h2 className="notice__title">Ärendet har ändrats</h2>
                <p>Någon annan ändrade ärendet medan du arbetade med det. Sidan visar nu ärendet som det är. Det du skrev finns kvar nedan – kontrollera och skicka igen om det fortfarande behövs.</p>
              </div>
            )}
            {a?.refused && (
              <div className="notice notice--warning" role="alert">
                <h2 className="notice__title">Åtgärden gick inte att göra</h2>
                <p>{a.refused}</p>
              </div>
            )}
            <ErrorSummary errors={summary} />
            {a?.preview && <LetterPreview content={a.preview} />}
          </div>
          <div className="case-bar">
            {d.intents.includes('claim') && <ActionForm intent="claim" seq={d.seq} label="Ta ärendet" />}
            {d.intents.includes('release') && <ActionForm intent="release" seq={d.seq} label="Släpp ärendet" secondary />}
            {d.nextHref && <Link to={d.nextHref} className="button button--secondary" accessKey="j">Nästa ärende</Link>}
            {!department && (
              <Form method="post" action="/servicecenter/ta-nasta">
                <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
                <button type="submit" className="button button--secondary" accessKey="n">Ta nästa ärende</button>
              </Form>
            )}
          </div>
          {d.viewing && <AttachmentViewer file={d.viewing} />}
          <h2 className="case-panel__title">Åtgärder</h2>
          {d.intents.includes('claim') && <p>Ta ärendet för att handlägga det: begära komplettering, vidarebefordra, besluta eller avsluta.</p>}
          <TemplatePicker intents={d.intents} templates={d.templates} />
          <ActionForms d={d} a={a} />
        </aside>

        <div className="case-data">
          <dl className="facts">
            <div><dt>Status</dt><dd>{d.status}{d.outcome ? ` (${d.outcome})` : ''}</dd></div>
            <div><dt>Handläggare</dt><dd>{d.assignee ?? 'Ingen'}</dd></div>
            <div><dt>Team</dt><dd>{d.team ?? '–'}</dd></div>
            {d.forwardedTo && <div><dt>Vidarebefordrad till</dt><dd>{d.forwardedTo}{d.acceptedBy ? `, mottagen av ${d.acceptedBy}` : ''}</dd></div>}
            <div><dt>Inkom</dt><dd>{formatDateTime(d.receivedAt)}</dd></div>
            <div><dt>Kanal</dt><dd>{d.channel}{d.registeredBy ? `, registrerat av ${d.registeredBy}` : ''}</dd></div>
            <div><dt>Tidsfrist</dt><dd>{d.dueAt && d.due ? <>{formatDate(d.dueAt)} <DueWords due={d.due} /></> : '–'}</dd></div>
            {d.applicant && <div><dt>Sökande</dt><dd>{[d.applicant.name, d.applicant.personnummer].filter(Boolean).join(', ')}</dd></div>}
            {d.concerns && <div><dt>Gäller</dt><dd>{d.concerns}</dd></div>}
          </dl>

          <SignatureFacts signature={d.signature} />

          {d.flags.length > 0 && (
            <section aria-labelledby="flags-h">
              <h2 id="flags-h">Flaggor</h2>
              <ul className="flag-reasons">
                {d.flags.map((f) => (
                  <li key={f.id}>
                    <strong>{f.label}:</strong> {f.reason}
                    {f.manual && d.intents.includes('unflag') && (
                      <ActionForm intent="unflag" seq={d.seq} label={`Ta bort flaggan ${f.label.toLowerCase()}`} secondary>
                        <input type="hidden" name="flag" value={f.id} />
                      </ActionForm>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          )}

          {d.supplement && (
            <div className="notice">
              <h2 className="notice__title">Väntar på komplettering till {d.supplement.dueDate}</h2>
              {d.supplement.items.length > 0 && <p>Saknas: {d.supplement.items.join(', ')}</p>}
              <p className="pre">{d.supplement.message}</p>
            </div>
          )}
          {d.decision && (
            <div className="notice">
              <h2 className="notice__title">Beslut: {d.decision.label}</h2>
              <p className="pre">{d.decision.reasons}</p>
              <p>Beslutat av {d.decision.by} {formatDateTime(d.decision.at)}. <a href={d.decision.href}>Beslutsbrev som PDF</a></p>
            </div>
          )}

          <LinkedCasesSection linked={d.linked} />
          <OtherCasesPanel data={d.other} caseId={d.id} canClose={d.intents.includes('close')} />
          <p><a href={d.pdfHref}>Kvitto som PDF</a></p>
          {ARCHIVE_ROLES.includes(d.staff.role) && (
            <Form method="post" action={`/servicecenter/arenden/${d.id}/arkivpaket.zip`} reloadDocument>
              <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
              <button type="submit" className="button button--secondary button--small">Exportera arkivpaket (zip)</button>
            </Form>
          )}
          <h2>Uppgifter</h2>
          <SummaryList sections={d.sections} locale="sv" headingLevel={3} />

          <h2>Bilagor</h2>
          {d.attachments.length === 0 ? <p>Inga bilagor.</p> : (
            <ul className="attachment-list">
              {d.attachments.map((f) => f.hidden ? <li key={f.id}>{f.name}</li> : (
                <li key={f.id}>
                  {f.isPdf || f.isImage
                    ? <Link to={viewerHref(f.id)} preventScrollReset aria-current={d.viewing?.id === f.id ? 'true' : undefined}>{f.name}</Link>
                    : <a href={f.href}>{f.name}</a>}
                  {' '}({f.size}{f.metadataRemoved ? ', platsinformation borttagen' : ''}{f.fromSupplement ? ', komplettering' : ''}{f.isPdf || f.isImage ? ', visas bredvid' : ''})
                  {f.isImage && <div><img src={`${f.href}?visning=sida`} alt={`Bifogad bild: ${f.name}`} className="attachment-preview" /></div>}
                </li>
              ))}
            </ul>
          )}

          <MessageThread entries={d.thread} canMessage={d.canMessage} />

          <h2>Kontroll</h2>
          <Checklist d={d} a={a} />

          <h2>Händelser</h2>
          <Timeline entries={d.timeline} />
        </div>
      </div>
      <Shortcuts onCase department={department} />
    </div>
  )
}
