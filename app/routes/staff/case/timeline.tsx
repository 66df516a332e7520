import type { CaseLoaderData } from '../case-data.server.ts'
import { formatDateTime } from '../labels.ts'

/** The case's history, newest first, straight from its event log: the same log is its audit trail. */
export function Timeline({ entries }: { entries: CaseLoaderData['timeline'] }) {
  return (
    <ol className="timeline" reversed>
      {entries.map((e) => (
        <li key={e.seq} className={`timeline__item timeline__item--${e.type}`}>
          <p className="timeline__head"><strong>{e.label}</strong> · {formatDateTime(e.at)} · {e.by}</p>
          {e.details.map((line, i) => <p key={i} className="timeline__detail pre">{line}</p>)}
        </li>
      ))}
    </ol>
  )
}
