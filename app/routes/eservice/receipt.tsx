import { afterReceipt, summarise, t } from '#forms/kit/index.ts'
import { SummaryList } from '#app/components/summary/summary-list.tsx'
import { PrintButton } from '#app/components/print-button.tsx'
import { useRootData } from '#app/root-data.ts'
import { translate } from '#app/i18n.ts'
import type { Route } from './+types/receipt'
import { receiptCase, receiptMailedTo } from './receipt.server.ts'
import { answersShown } from '#services/cases/secret-answers.server.ts'
import { getSignature } from '#services/signing/signatures.server.ts'
import { citizenNotices } from '#services/cases/flag-notices.server.ts'
import { formatWhen } from '#app/utils/format-date.ts'
import { SubCaseList } from '#app/components/summary/sub-case-list.tsx'
import { subCaseLines } from '#services/cases/sub-cases.server.ts'
import { sql } from '#services/db/sql.server.ts'
import { municipality } from '#services/config/municipality.server.ts'

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const c = await receiptCase(request, params.formId, params.number)
  return {
    number: c.number,
    title: t(c.definition.title, context.locale),
    municipalityName: municipality().name,
    receivedAt: c.receivedAt.toISOString(),
    // This e-service's own next steps and handling time, from the definition the case was received under.
    next: afterReceipt(c.definition, context.locale),
    mailedTo: await receiptMailedTo(c.id),
    // The sender's own receipt: their door code too, as they gave it.
    sections: summarise(c.definition, answersShown(c.answers, c.id, []), context.locale),
    pdfHref: `/e-tjanster/${params.formId}/kvitto/${c.number}/pdf`,
    locale: context.locale,
    signedBy: await getSignature(c.id).then((s) => (s ? { name: s.name, at: s.signedAt.toISOString() } : null)),
    notices: citizenNotices(c.completeness, context.locale),
    subCases: (await subCaseLines(sql(), c.id, context.locale)).map(({ number, title, handledBy }) => ({ number, title, handledBy })),
  }
}

export default function Receipt({ loaderData }: Route.ComponentProps) {
  const { number, title, municipalityName, receivedAt, next, mailedTo, sections, pdfHref, locale, signedBy, notices, subCases } = loaderData
  return (
    <>
      <title>{`${translate(locale, 'receiptTitle')} – ${title}`}</title>
      <div className="panel">
        <h1 className="panel__title">{translate(locale, 'receiptTitle')}</h1>
        <div className="panel__body">
          <p className="panel__received">{translate(locale, 'receiptReceivedBy', { municipality: municipalityName, title })}</p>
          {translate(locale, 'caseNumber')}<br /><strong className="case-number" dir="ltr">{number}</strong>
          <p className="panel__received">{translate(locale, 'receiptReceivedAt', { at: formatWhen(receivedAt, locale) })}</p>
          {signedBy && <p className="panel__signed">{translate(locale, 'signedBy', { name: signedBy.name, at: formatWhen(signedBy.at, locale) })}</p>}
        </div>
      </div>
      <h2>{translate(locale, 'receiptNext')}</h2>
      {/* An eligibility flag never rejects: the citizen is told plainly who looks at the case instead. */}
      {notices.length > 0 && <div className="notice">{notices.map((n) => <p key={n}>{n}</p>)}</div>}
      <p className="receipt-next">{next ?? translate(locale, 'receiptNextText')}</p>
      {mailedTo && <p className="receipt-mailed">{translate(locale, 'receiptMailed', { email: mailedTo })}</p>}
      <p>{translate(locale, 'receiptQuote')}</p>
      <SubCaseList lines={subCases} locale={locale} />
      <p className="no-print">
        {/* A kiosk prints receipts; nothing is ever downloaded onto a public computer (issue 6). */}
        {!useRootData()?.kiosk && <><a href={pdfHref} className="button button--secondary">{translate(locale, 'receiptPdf')}</a>{' '}</>}
        <PrintButton label={translate(locale, 'print')} />
      </p>
      <h2>{translate(locale, 'yourAnswers')}</h2>
      <SummaryList sections={sections} locale={locale} headingLevel={3} />
    </>
  )
}
