import { Link } from 'react-router'
import type { SummarySection } from '#forms/kit/index.ts'
import { translate } from '#app/i18n.ts'
import { Isolated } from '../bidi.tsx'
import type { Locale } from '#forms/kit/index.ts'

/** Answers as GOV.UK's summary list: the same rows the PDF and the staff view show. */
export function SummaryList({ sections, locale, headingLevel = 2 }: { sections: SummarySection[]; locale: Locale; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <>
      {sections.map((s) => (
        <section key={s.pageId} className="summary-section">
          <H className="summary-section__title">{s.title}</H>
          <dl className="summary-list">
            {s.rows.map((r) => (
              <div className="summary-list__row" key={r.fieldId}>
                <dt className="summary-list__key">{r.label}</dt>
                <dd className="summary-list__value"><Isolated text={r.value} /></dd>
                {r.changeHref && (
                  <dd className="summary-list__actions">
                    <Link to={r.changeHref}>
                      {translate(locale, 'change')}<span className="visually-hidden"> {r.label.toLocaleLowerCase(locale)}</span>
                    </Link>
                  </dd>
                )}
              </div>
            ))}
          </dl>
        </section>
      ))}
    </>
  )
}
