import { control, Labelled } from './case/fields.tsx'

/**
 * One of the register forms' own inputs for the caller (`_personnummer`, `_name`, `_phone` …): a labelled text
 * input with its hint and error, ids in the `r` namespace the error summary links to. Shared by "Registrera
 * ärende" and "Ny kontakt", which ask the same things about the caller.
 */
export function CallerInput({ name, label, hint, error, defaultValue, medium, type = 'text' }: {
  name: string; label: string; hint?: string; error?: string; defaultValue: string; medium?: boolean; type?: 'text' | 'tel' | 'email'
}) {
  // The register forms' own namespace: `r` where the case page's forms use their intent.
  const common = { intent: 'r', name, label, hint, error }
  return (
    <Labelled {...common}>
      <input {...control(common)} type={type} className={medium ? 'input input--medium' : 'input'} defaultValue={defaultValue} autoComplete="off" spellCheck={false} />
    </Labelled>
  )
}
