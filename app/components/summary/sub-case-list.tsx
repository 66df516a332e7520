import { textTable } from '#app/i18n.ts'
import type { Locale } from '#forms/kit/types.ts'
import type { SubCaseLine } from '#services/cases/sub-cases.server.ts'

const { translate: tx } = textTable('subCases')

/** The sub-cases a request fanned out to (nyinflyttad), on the citizen's receipt: number, what, and who handles it. */
export function SubCaseList({ lines, locale }: { lines: Pick<SubCaseLine, 'number' | 'title' | 'handledBy'>[]; locale: Locale }) {
  if (lines.length === 0) return null
  return (
    <section aria-labelledby="sub-cases-h">
      <h2 id="sub-cases-h">{tx(locale, 'heading', { n: lines.length })}</h2>
      <p>{tx(locale, 'intro')}</p>
      <ul className="case-cards">
        {lines.map((s) => (
          <li key={s.number} className="case-card">
            <h3 className="case-card__title">{s.title}</h3>
            <dl className="facts">
              <div><dt>{tx(locale, 'number')}</dt><dd><strong dir="ltr">{s.number}</strong></dd></div>
              <div><dt>{tx(locale, 'handledBy')}</dt><dd>{s.handledBy}</dd></div>
            </dl>
          </li>
        ))}
      </ul>
    </section>
  )
}
