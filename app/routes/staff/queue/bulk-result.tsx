import { Link } from 'react-router'
import { ErrorSummary } from '#app/components/forms/error-summary.tsx'
import { BULK_DONE, type BulkActionData, type BulkLine } from '../queue-bulk.ts'
import { RESULT_ID, useResultFocus } from '../result-focus.ts'
import { bulkFieldId } from './bulk-bar.tsx'

const CaseLinks = ({ lines }: { lines: (BulkLine & { reason?: string })[] }) => (
  <ul className="bulk-result__list">
    {lines.map((l) => <li key={l.id}><Link to={`/servicecenter/arenden/${l.id}`}>{l.number}</Link>{l.reason ? `: ${l.reason}` : ''}</li>)}
  </ul>
)

/**
 * How a bulk action went, where the post comes back to (`#resultat`) and where focus goes: how many cases
 * changed, and by name each case that was not changed — someone else changed it after the list was shown
 * (it is left as it is), or the action was not allowed on it — so nothing is silently skipped.
 */
export function BulkResult({ a }: { a?: BulkActionData }) {
  const r = a?.result
  const ref = useResultFocus<HTMLDivElement>(r)
  const errors = Object.entries(a?.errors ?? {}).map(([name, message]) => ({ anchor: bulkFieldId(name), message }))
  if (!a) return null
  if (!r) return <div id={RESULT_ID}><ErrorSummary errors={errors} /></div>
  const problems = r.stale.length + r.refused.length + r.missing > 0
  return (
    <div id={RESULT_ID} ref={ref} tabIndex={-1} className={`notice bulk-result ${problems ? 'notice--warning' : 'notice--success'}`} role={problems ? 'alert' : 'status'}>
      <p>{r.done.length > 0 ? BULK_DONE[a.intent](r.done.length) : 'Inget ärende ändrades.'}</p>
      {r.stale.length > 0 && (
        <>
          <h2 className="notice__title">{r.stale.length === 1 ? 'Ett ärende hade ändrats och lämnades som det är' : `${r.stale.length} ärenden hade ändrats och lämnades som de är`}</h2>
          <p>Någon annan ändrade dem efter att listan visades. Öppna dem och se efter innan du gör något mer:</p>
          <CaseLinks lines={r.stale} />
        </>
      )}
      {r.refused.length > 0 && (
        <>
          <h2 className="notice__title">Gick inte att göra på {r.refused.length === 1 ? 'ett ärende' : `${r.refused.length} ärenden`}</h2>
          <CaseLinks lines={r.refused} />
        </>
      )}
      {r.missing > 0 && <p>{r.missing === 1 ? 'Ett markerat ärende' : `${r.missing} markerade ärenden`} finns inte längre eller kan du inte öppna.</p>}
    </div>
  )
}
