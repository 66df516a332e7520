import { fill, t } from '#forms/kit/text.ts'
import type { Locale } from '#forms/kit/types.ts'
import type { SubCaseLine } from '#services/cases/sub-cases.server.ts'

const TEXT = {
  heading: { sv: 'Din beställning blev {n} ärenden', en: 'Your request became {n} cases' },
  intro: {
    sv: 'Varje del handläggs av den avdelning som ansvarar för den. Ange ärendenumret för delen om du kontaktar oss om den.',
    en: 'Each part is handled by the department responsible for it. Quote the part’s case number if you contact us about it.',
  },
  number: { sv: 'Ärendenummer', en: 'Case number' },
  handledBy: { sv: 'Handläggs av', en: 'Handled by' },
}

/** The sub-cases a request fanned out to (nyinflyttad), on the citizen's receipt: number, what, and who handles it. */
export function SubCaseList({ lines, locale }: { lines: Pick<SubCaseLine, 'number' | 'title' | 'handledBy'>[]; locale: Locale }) {
  if (lines.length === 0) return null
  return (
    <section aria-labelledby="sub-cases-h">
      <h2 id="sub-cases-h">{fill(t(TEXT.heading, locale), { n: lines.length })}</h2>
      <p>{t(TEXT.intro, locale)}</p>
      <ul className="case-cards">
        {lines.map((s) => (
          <li key={s.number} className="case-card">
            <h3 className="case-card__title">{s.title}</h3>
            <dl className="facts">
              <div><dt>{t(TEXT.number, locale)}</dt><dd><strong>{s.number}</strong></dd></div>
              <div><dt>{t(TEXT.handledBy, locale)}</dt><dd>{s.handledBy}</dd></div>
            </dl>
          </li>
        ))}
      </ul>
    </section>
  )
}
