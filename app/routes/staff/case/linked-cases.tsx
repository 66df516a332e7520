import { Link } from 'react-router'
import type { SubCaseLine } from '#services/cases/sub-cases.server.ts'

export type LinkedCases = { parent: { id: string; number: string; title: string } | null; subCases: (Omit<SubCaseLine, 'status'> & { status: string })[] }

/** A request's sub-cases (nyinflyttad), or a sub-case's request: each a link to its own case page. */
export function LinkedCasesSection({ linked }: { linked: LinkedCases }) {
  if (!linked.parent && linked.subCases.length === 0) return null
  return (
    <section aria-labelledby="linked-h">
      <h2 id="linked-h">{linked.parent ? 'Del av beställning' : 'Delärenden'}</h2>
      {linked.parent && (
        <p>Delärende i <Link to={`/servicecenter/arenden/${linked.parent.id}`}>{linked.parent.number}</Link> ({linked.parent.title}).</p>
      )}
      {linked.subCases.length > 0 && (
        <ul className="linked-cases">
          {linked.subCases.map((s) => (
            <li key={s.id}>
              <Link to={`/servicecenter/arenden/${s.id}`}>{s.number}</Link> {s.title} – {s.handledBy}, {s.status.toLowerCase()}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
