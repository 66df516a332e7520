import { fieldId } from './case/fields.tsx'

/**
 * One of the register forms' own inputs for the caller (`_personnummer`, `_name`, `_phone` …): a labelled text
 * input with its hint and error, ids in the `r` namespace the error summary links to. Shared by "Registrera
 * ärende" and "Ny kontakt", which ask the same things about the caller.
 */
export function CallerInput({ name, label, hint, error, defaultValue, medium, type = 'text' }: {
  name: string; label: string; hint?: string; error?: string; defaultValue: string; medium?: boolean; type?: 'text' | 'tel' | 'email'
}) {
  const id = fieldId('r', name)
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label className="label" htmlFor={id}>{label}</label>
      {hint && <div id={`${id}-hint`} className="hint">{hint}</div>}
      {error && <p id={`${id}-error`} className="error-message"><span className="visually-hidden">Fel:</span> {error}</p>}
      <input id={id} name={name} type={type} className={medium ? 'input input--medium' : 'input'} defaultValue={defaultValue} autoComplete="off" spellCheck={false}
        aria-invalid={error ? true : undefined} aria-describedby={describedBy} />
    </div>
  )
}
