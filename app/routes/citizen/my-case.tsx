import { data, Link } from 'react-router'
import { humanSize, summarise, t } from '#forms/kit/index.ts'
import { ltrIn, textLanguageOf } from '#forms/kit/languages.ts'
import { requireCitizen } from '#services/auth/citizen.server.ts'
import { getMyCase } from '#services/cases/citizen-cases.server.ts'
import { answersShown } from '#services/cases/secret-answers.server.ts'
import { citizenTimeline, type CitizenMessage, type OpenRequest } from '#services/cases/citizen-timeline.ts'
import { getSignature } from '#services/signing/signatures.server.ts'
import type { Locale } from '#forms/kit/index.ts'
import { SummaryList } from '#app/components/summary/summary-list.tsx'
import { PrintButton } from '#app/components/print-button.tsx'
import { showsInline } from '#app/utils/file-response.ts'
import { SubCaseList } from '#app/components/summary/sub-case-list.tsx'
import { subCaseLines } from '#services/cases/sub-cases.server.ts'
import { sql } from '#services/db/sql.server.ts'
import { citizenNotices } from '#services/cases/flag-notices.server.ts'
import { textTable, translate } from '#app/i18n.ts'
import { formatWhen } from '#app/utils/format-date.ts'
import { historyKey, shownStages, stageKey } from './stages.ts'
import type { Route } from './+types/my-case'

/** One of my cases. Someone else's case id gives the same 404 as one that does not exist. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const session = await requireCitizen(request)
  const c = await getMyCase(session.person.personnummer, params.caseId)
  if (!c) throw data(null, { status: 404 })
  const locale = context.locale
  const timeline = citizenTimeline(c.events)
  const signature = await getSignature(c.id)
  const base = `/mina-sidor/arenden/${c.id}`
  // At a kiosk files are only shown, never saved: one the browser cannot show is listed without a link.
  const atKiosk = !!context.kiosk
  const linked = (mime: string) => !atKiosk || showsInline(mime)
  return {
    locale,
    number: c.number,
    title: t(c.title, locale),
    // A case filed under an e-service not in the page's language shows its own texts in Swedish, marked as such.
    textLang: textLanguageOf(c.title, locale),
    receivedAt: c.receivedAt.toISOString(),
    stage: timeline.stage,
    stages: shownStages(timeline.stage, timeline.history.some((h) => h.kind === 'supplementRequested')),
    history: timeline.history,
    messages: timeline.messages,
    openRequest: timeline.openRequest,
    id: c.id,
    decided: c.events.some((e) => e.type === 'decided'),
    signedBy: signature ? { name: signature.name, at: signature.signedAt.toISOString() } : null,
    // The applicant's own case: their door code too, as they gave it.
    sections: summarise(c.definition, answersShown(c.answers, c.id, []), locale),
    attachments: c.attachments.map((a) => ({ id: a.id, name: a.name, size: humanSize(a.size, locale), href: linked(a.mime) ? `${base}/bilagor/${a.id}` : null })),
    unlinked: c.attachments.filter((a) => !linked(a.mime)).map((a) => a.id),
    atKiosk,
    pdfHref: `${base}/kvitto.pdf`,
    subCases: (await subCaseLines(sql(), c.id, locale)).map(({ number, title, handledBy }) => ({ number, title, handledBy })),
    // What an eligibility flag means for this case, as the receipt said it (flags never reject).
    notices: citizenNotices(c.completeness, locale),
    messageSent: new URL(request.url).searchParams.get('meddelande') === 'skickat',
  }
}

// The thread's own words (issue 5): writing to the servicecenter from the case page.
const { translate: thread } = textTable('caseThread')

export default function MyCase({ loaderData: d }: Route.ComponentProps) {
  const { locale } = d
  const tr = (k: Parameters<typeof translate>[1], v?: Record<string, string>) => translate(locale, k, v)
  return (
    <>
      <title>{`${tr('caseOf', { number: ltrIn(locale, d.number) })} – ${tr('myPages')}`}</title>
      <Link to="/mina-sidor" className="back-link">{tr('toMyPages')}</Link>
      <span className="caption" {...d.textLang}>{d.title}</span>
      <h1>{tr('caseOf', { number: ltrIn(locale, d.number) })}</h1>
      <dl className="facts">
        <div><dt>{tr('received')}</dt><dd>{formatWhen(d.receivedAt, locale)}</dd></div>
      </dl>
      {d.signedBy && <p>{tr('signedBy', { name: d.signedBy.name, at: formatWhen(d.signedBy.at, locale) })}</p>}
      {d.notices.length > 0 && <div className="notice">{d.notices.map((n) => <p key={n}>{n}</p>)}</div>}
      <SubCaseList lines={d.subCases} locale={locale} />

      <h2>{tr('status')}</h2>
      <ol className="stages">
        {d.stages.map((s) => (
          <li key={s} className={`stages__item${s === d.stage ? ' stages__item--current' : ''}`} aria-current={s === d.stage ? 'step' : undefined}>
            {tr(stageKey(s))}{s === d.stage && <span className="visually-hidden"> {tr('stageNow')}</span>}
          </li>
        ))}
      </ol>

      {d.openRequest && <SupplementRequest request={d.openRequest} locale={locale} answerHref={`/mina-sidor/arenden/${d.id}/komplettera`} />}
      {d.decided && <p><a href={`/mina-sidor/arenden/${d.id}/beslut.pdf`}>{tr('decisionLetter')}</a></p>}

      <h2>{tr('caseHistory')}</h2>
      <ol className="timeline">
        {d.history.map((h, i) => <li key={i}>{formatWhen(h.at, locale)}: {tr(historyKey(h.kind))}</li>)}
      </ol>

      <h2 id="messages-h">{tr('messages')}</h2>
      {d.messageSent && <div className="notice notice--success" role="status"><p>{thread(locale, 'sent')}</p></div>}
      {d.messages.length > 0
        ? <ul className="messages" aria-labelledby="messages-h">{d.messages.map((m, i) => <Message key={i} message={m} locale={locale} fileBase={`/mina-sidor/arenden/${d.id}/bilagor`} unlinked={d.unlinked} />)}</ul>
        : <p>{thread(locale, 'none')}</p>}
      <p><Link to={`/mina-sidor/arenden/${d.id}/meddelande`} className="button button--secondary">{thread(locale, 'write')}</Link></p>

      {/* At a kiosk the PDF is shown in the browser, never downloaded, and the page can be printed, as the e-service receipt is. */}
      <p className="no-print">
        <a href={d.pdfHref} className="button button--secondary">{d.atKiosk ? thread(locale, 'showReceipt') : tr('receiptPdf')}</a>
        {d.atKiosk && <>{' '}<PrintButton label={tr('print')} /></>}
      </p>
      <h2>{tr('yourAnswers')}</h2>
      <div {...d.textLang}><SummaryList sections={d.sections} locale={locale} headingLevel={3} /></div>
      {d.attachments.length > 0 && (
        <>
          <h2>{tr('attachments')}</h2>
          <ul className="attachment-list">
            {d.attachments.map((a) => <li key={a.id}>{a.href ? <a href={a.href}>{a.name}</a> : <>{a.name}, {thread(locale, 'notShown')}</>} ({a.size})</li>)}
          </ul>
        </>
      )}
    </>
  )
}

/**
 * A supplement request waiting for the citizen. Issue 5 (case handling) writes these events; the form for
 * answering with text and files belongs here, beside the request it answers.
 */
function SupplementRequest({ request, locale, answerHref }: { request: OpenRequest; locale: Locale; answerHref: string }) {
  return (
    <section className="notice notice--warning" aria-labelledby="supplement-title">
      <h2 id="supplement-title" className="notice__title">{translate(locale, 'supplementRequest')}</h2>
      {request.text && <p className="pre-wrap">{request.text}</p>}
      {request.items.length > 0 && <ul>{request.items.map((i) => <li key={i}>{i}</li>)}</ul>}
      {request.dueDate && <p>{translate(locale, 'supplementDue', { date: formatWhen(request.dueDate, locale, false) })}</p>}
      <p><Link to={answerHref} className="button">{translate(locale, 'supplementAnswer')}</Link></p>
    </section>
  )
}

function Message({ message: m, locale, fileBase, unlinked }: { message: CitizenMessage; locale: Locale; fileBase: string; unlinked: string[] }) {
  const when = formatWhen(m.at, locale)
  const from = m.kind === 'message' && m.from === 'you' ? translate(locale, 'fromYou') : translate(locale, 'fromServicecenter')
  const heading =
    m.kind === 'supplementRequest' ? translate(locale, 'supplementRequest')
    : m.kind === 'decision' ? translate(locale, m.decision === 'denied' ? 'decisionDenied' : 'decisionApproved')
    : from
  return (
    <li className="message">
      <p className="message__meta"><strong>{heading}</strong> · {when}</p>
      {m.text && <p className="pre-wrap">{m.text}</p>}
      {m.kind === 'supplementRequest' && m.items.length > 0 && <ul>{m.items.map((i) => <li key={i}>{i}</li>)}</ul>}
      {m.kind === 'message' && m.attachments.length > 0 && (
        <ul className="message__files">
          {m.attachments.map((f) => <li key={f.id}>{thread(locale, 'file')}: {unlinked.includes(f.id) ? `${f.name}, ${thread(locale, 'notShown')}` : <a href={`${fileBase}/${f.id}`}>{f.name}</a>}</li>)}
        </ul>
      )}
    </li>
  )
}
