import type { CaseLoaderData } from '../case-data.server.ts'
import { ActionForm } from './action-forms.tsx'

const state = (ok: boolean | null) => (ok === null ? 'Inte kontrollerad' : ok ? 'Klar' : 'Saknas')

/**
 * The completeness checklist: automatic checks from the form definition (done when the case came in)
 * and the manual items the e-service declares, which the handler marks as checked or missing.
 */
export function Checklist({ d }: { d: CaseLoaderData }) {
  const canCheck = d.intents.includes('check')
  return (
    <div className="table-wrap">
      <table className="table checklist">
        <caption className="visually-hidden">Kontrollpunkter</caption>
        <thead><tr><th scope="col">Kontrollpunkt</th><th scope="col">Läge</th><th scope="col">Kommentar</th>{canCheck && <th scope="col"><span className="visually-hidden">Åtgärd</span></th>}</tr></thead>
        <tbody>
          {d.checklist.map((item) => (
            <tr key={item.id}>
              <th scope="row">{item.label}{item.kind === 'auto' && <span className="muted"> (automatisk)</span>}</th>
              <td className={item.ok === false ? 'late' : undefined}>{item.status ?? state(item.ok)}</td>
              <td>{item.detail}</td>
              {canCheck && (
                <td>
                  {item.kind === 'manual' && (
                    <div className="inline-actions">
                      <ActionForm intent="check" seq={d.seq} label={<>Klar<span className="visually-hidden">: {item.label}</span></>} secondary>
                        <input type="hidden" name="item" value={item.id.replace(/^check:/, '')} />
                        <input type="hidden" name="ok" value="ja" />
                      </ActionForm>
                      <ActionForm intent="check" seq={d.seq} label={<>Saknas<span className="visually-hidden">: {item.label}</span></>} secondary>
                        <input type="hidden" name="item" value={item.id.replace(/^check:/, '')} />
                        <input type="hidden" name="ok" value="nej" />
                      </ActionForm>
                    </div>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
