import { summarise, t } from '../../../forms/kit/index.ts'
import { SummaryList } from '../../components/summary/summary-list.tsx'
import { PrintButton } from '../../components/print-button.tsx'
import { translate } from '../../i18n.ts'
import type { Route } from './+types/receipt'
import { receiptCase } from './receipt.server.ts'

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const c = await receiptCase(request, params.formId, params.number)
  return {
    number: c.number,
    title: t(c.definition.title, context.locale),
    sections: summarise(c.definition, c.answers, context.locale),
    pdfHref: `/e-tjanster/${params.formId}/kvitto/${c.number}/pdf`,
    locale: context.locale,
  }
}

export default function Receipt({ loaderData }: Route.ComponentProps) {
  const { number, title, sections, pdfHref, locale } = loaderData
  return (
    <>
      <title>{`${translate(locale, 'receiptTitle')} – ${title}`}</title>
      <div className="panel">
        <h1 className="panel__title">{translate(locale, 'receiptTitle')}</h1>
        <div className="panel__body">
          {translate(locale, 'caseNumber')}<br /><strong className="case-number">{number}</strong>
        </div>
      </div>
      <h2>{translate(locale, 'receiptNext')}</h2>
      <p>{translate(locale, 'receiptNextText')}</p>
      <p className="no-print">
        <a href={pdfHref} className="button button--secondary">{translate(locale, 'receiptPdf')}</a>{' '}
        <PrintButton label={translate(locale, 'print')} />
      </p>
      <h2>{translate(locale, 'yourAnswers')}</h2>
      <SummaryList sections={sections} locale={locale} headingLevel={3} />
    </>
  )
}
