import { Link } from 'react-router'
import { formatDate } from '../labels.ts'
import type { OtherCasesData } from './other-cases.server.ts'

const caseHref = (id: string) => `/servicecenter/arenden/${id}`

/** The citizen's other cases, each with why it is listed. */
export function OtherCasesList({ others }: { others: OtherCasesData['others'] }) {
  if (others.length === 0) return <p>Inga andra ärenden med samma personnummer, e-post eller adress.</p>
  return (
    <ul className="other-cases__list">
      {others.map((o) => (
        <li key={o.id}>
          <Link to={caseHref(o.id)}>{o.number}</Link> {o.title}, inkom {formatDate(o.receivedAt)}, {o.status.toLowerCase()} ({o.via})
        </li>
      ))}
    </ul>
  )
}

/**
 * The citizen's other cases (same personnummer, e-mail, or a fault report's address), this case's duplicates or
 * the case it duplicates, and the way to close it as a duplicate (ADR 031).
 */
export function OtherCasesPanel({ data, caseId, canClose }: { data: OtherCasesData; caseId: string; canClose: boolean }) {
  return (
    <section aria-labelledby="other-cases-h" className="other-cases">
      <h2 id="other-cases-h">Medborgarens andra ärenden</h2>
      {data.primary && (
        <p>Avslutat som dubblett av <Link to={caseHref(data.primary.id)}>{data.primary.number}</Link>.</p>
      )}
      {data.duplicates.length > 0 && (
        <>
          <h3>Dubbletter av det här ärendet</h3>
          <ul>{data.duplicates.map((d) => <li key={d.id}><Link to={caseHref(d.id)}>{d.number}</Link></li>)}</ul>
        </>
      )}
      <OtherCasesList others={data.others} />
      {canClose && <p><Link to={`${caseHref(caseId)}/dubblett`}>Avsluta som dubblett av ett annat ärende</Link></p>}
    </section>
  )
}
