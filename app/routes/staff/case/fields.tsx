import { describedBy } from '#app/components/forms/question-frame.tsx'

/**
 * Small labelled inputs for the staff action forms. Each id is prefixed with its form's intent, since
 * several forms on the case page have a "message" or a "comment"; the error summary links to these ids.
 */
export const fieldId = (intent: string, name: string) => `a-${intent}-${name}`

type Common = { intent: string; name: string; label: string; hint?: string; error?: string }

function Wrap({ intent, name, error, children }: { intent: string; name: string; error?: string; children: React.ReactNode }) {
  return <div className={`field${error ? ' field--error' : ''}`} id={`${fieldId(intent, name)}-field`}>{children}</div>
}

function Error({ id, error }: { id: string; error?: string }) {
  return error ? <p id={`${id}-error`} className="error-message"><span className="visually-hidden">Fel:</span> {error}</p> : null
}

/** The field's frame, label, hint and error message, above the control itself. */
export function Labelled({ intent, name, label, hint, error, children }: Common & { children: React.ReactNode }) {
  const id = fieldId(intent, name)
  return (
    <Wrap intent={intent} name={name} error={error}>
      <label className="label" htmlFor={id}>{label}</label>
      {hint && <div id={`${id}-hint`} className="hint">{hint}</div>}
      <Error id={id} error={error} />
      {children}
    </Wrap>
  )
}

/** What every labelled control carries: its id, its name, and the links to its hint and error. */
export function control({ intent, name, hint, error }: Common) {
  const id = fieldId(intent, name)
  return { id, name, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy(id, hint, error) }
}

export function TextArea({ defaultValue, rows = 4, ...common }: Common & { defaultValue?: string; rows?: number }) {
  return (
    <Labelled {...common}>
      <textarea {...control(common)} className="textarea" rows={rows} defaultValue={defaultValue} />
    </Labelled>
  )
}

export function TextInput({ defaultValue, type = 'text', autoComplete, ...common }: Common & {
  defaultValue?: string; type?: 'text' | 'email' | 'password' | 'date'; autoComplete?: string
}) {
  return (
    <Labelled {...common}>
      <input {...control(common)} type={type} className={type === 'date' ? 'input input--medium' : 'input'} defaultValue={defaultValue}
        autoComplete={autoComplete} spellCheck={type === 'text' ? undefined : false} />
    </Labelled>
  )
}

export const DateInput = (props: Common & { defaultValue?: string }) => <TextInput {...props} type="date" />

export function Select({ defaultValue, options, empty, ...common }: Common & {
  defaultValue?: string; options: { id: string; label: string }[]; empty?: string
}) {
  return (
    <Labelled {...common}>
      <select {...control(common)} className="select" defaultValue={defaultValue ?? ''}>
        {empty !== undefined && <option value="">{empty}</option>}
        {options.map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}
      </select>
    </Labelled>
  )
}

/** Radios or checkboxes in a fieldset; the first input carries the id the error summary links to. */
export function Choices({ intent, name, label, hint, error, options, chosen, multiple = false }: Common & {
  options: { id: string; label: string; hint?: string }[]; chosen: string[]; multiple?: boolean
}) {
  const id = fieldId(intent, name)
  return (
    <Wrap intent={intent} name={name} error={error}>
      <fieldset className="fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className="legend legend--small">{label}</legend>
        {hint && <div id={`${id}-hint`} className="hint">{hint}</div>}
        <Error id={id} error={error} />
        {options.map((o, i) => {
          const oid = i === 0 ? id : `${id}-${i}`
          return (
            <div className={multiple ? 'checkboxes__item' : 'radios__item'} key={o.id}>
              <input id={oid} type={multiple ? 'checkbox' : 'radio'} name={name} value={o.id} defaultChecked={chosen.includes(o.id)}
                className={multiple ? 'checkboxes__input' : 'radios__input'} />
              <label className="choice-label" htmlFor={oid}>{o.label}{o.hint && <span className="muted"> – {o.hint}</span>}</label>
            </div>
          )
        })}
      </fieldset>
    </Wrap>
  )
}
