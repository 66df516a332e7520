import type { CaseActionData } from '../case-action.server.ts'
import type { CaseLoaderData } from '../case-data.server.ts'
import { ActionForm } from './action-forms.tsx'
import { TextArea } from './fields.tsx'

const state = (ok: boolean | null) => (ok === null ? 'Inte kontrollerad' : ok ? 'Klar' : 'Saknas')

/**
 * "Ej aktuellt" with its optional comment, folded away until asked for (a <details>, so it opens without
 * JavaScript). Only the row that was posted carries the ids the error summary links to; other rows' fields get
 * their own ids, since every row has a comment field.
 */
function NotApplicable({ item, label, seq, a }: { item: string; label: string; seq: number; a?: CaseActionData }) {
  const posted = a?.intent === 'check' && a.values.item === item && a.values.ok === 'ej-aktuellt'
  const error = posted ? a.errors?.comment : undefined
  return (
    <details className="checklist__na" open={posted && !!error}>
      <summary>Ej aktuellt<span className="visually-hidden">: {label}</span></summary>
      <ActionForm intent="check" seq={seq} label={<>Markera som ej aktuellt<span className="visually-hidden">: {label}</span></>} secondary>
        <input type="hidden" name="item" value={item} />
        <input type="hidden" name="ok" value="ej-aktuellt" />
        <TextArea intent={posted ? 'check' : `check-${item}`} name="comment" label="Kommentar (frivillig)" hint="Varför kontrollpunkten inte gäller ärendet."
          rows={2} error={error} defaultValue={posted ? String(a.values.comment ?? '') : undefined} />
      </ActionForm>
    </details>
  )
}

/**
 * The completeness checklist: automatic findings from the form definition (made when the case came in), each
 * a sentence true for what was found, and the manual items the e-service declares, which the handler marks as
 * done, missing or not applicable to this case.
 */
export function Checklist({ d, a }: { d: CaseLoaderData; a?: CaseActionData }) {
  const canCheck = d.intents.includes('check')
  return (
    <div className="table-wrap">
      <table className="table checklist">
        <caption className="visually-hidden">Kontrollpunkter</caption>
        <thead><tr><th scope="col">Kontrollpunkt</th><th scope="col">Läge</th><th scope="col">Kommentar</th>{canCheck && <th scope="col"><span className="visually-hidden">Åtgärd</span></th>}</tr></thead>
        <tbody>
          {d.checklist.map((item) => {
            const id = item.id.replace(/^check:/, '')
            return (
              <tr key={item.id}>
                <th scope="row">{item.label}{item.kind === 'auto' && <span className="muted"> (automatisk)</span>}</th>
                <td className={item.ok === false ? 'late' : undefined}>{item.status ?? state(item.ok)}</td>
                <td>{item.detail}</td>
                {canCheck && (
                  <td>
                    {item.kind === 'manual' && (
                      <div className="inline-actions">
                        <ActionForm intent="check" seq={d.seq} label={<>Klar<span className="visually-hidden">: {item.label}</span></>} secondary>
                          <input type="hidden" name="item" value={id} />
                          <input type="hidden" name="ok" value="ja" />
                        </ActionForm>
                        <ActionForm intent="check" seq={d.seq} label={<>Saknas<span className="visually-hidden">: {item.label}</span></>} secondary>
                          <input type="hidden" name="item" value={id} />
                          <input type="hidden" name="ok" value="nej" />
                        </ActionForm>
                        <NotApplicable item={id} label={item.label} seq={d.seq} a={a} />
                      </div>
                    )}
                  </td>
                )}
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
