import { Form } from 'react-router'
import { useRootData } from '#app/root-data.ts'
import { CLOSE_OUTCOME_OPTIONS } from '../labels.ts'
import { BULK_CASE_FIELD, type BulkActionData } from '../queue-bulk.ts'
import { RESULT_ID } from '../result-focus.ts'

export const BULK_FORM_ID = 'bulk'
/** The first row's checkbox, where the error summary sends focus when nothing was ticked. */
export const FIRST_CHECKBOX_ID = 'bulk-first'
export const bulkFieldId = (name: string) => (name === BULK_CASE_FIELD ? FIRST_CHECKBOX_ID : `bulk-${name}`)

function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? <p id={`${id}-error`} className="error-message"><span className="visually-hidden">Fel:</span> {error}</p> : null
}

/**
 * The actions for the ticked rows, in one row above the table. The rows' checkboxes belong to this form
 * through their `form` attribute, since each row also has its own "Ta" form and forms cannot nest.
 * It posts to the queue's own URL (same view, filters and page) and comes back at the result.
 */
export function BulkBar({ action, lead, teams, departments, a }: {
  action: string; lead: boolean; teams: { id: string; label: string }[]; departments: { id: string; label: string }[]; a?: BulkActionData
}) {
  const root = useRootData()
  const err = (name: string) => a?.errors?.[name]
  const described = (id: string, name: string) =>
    ({ 'aria-invalid': err(name) ? true : undefined, 'aria-describedby': err(name) ? `${id}-error` : undefined })
  const select = (name: 'team' | 'outcome' | 'department', label: string, options: [string, string][], empty: string) => {
    const id = bulkFieldId(name)
    return (
      <div className={`bulk-bar__field${err(name) ? ' field--error' : ''}`}>
        <label className="label label--small" htmlFor={id}>{label}</label>
        <FieldError id={id} error={err(name)} />
        <select id={id} name={name} className="select" defaultValue={a?.values[name] ?? ''} {...described(id, name)}>
          <option value="">{empty}</option>
          {options.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        </select>
      </div>
    )
  }
  return (
    <Form method="post" action={`${action}#${RESULT_ID}`} id={BULK_FORM_ID} className="bulk-bar" aria-labelledby="bulk-h" noValidate preventScrollReset>
      <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
      {/* Named for screen readers; on screen the bar sits over the ticked rows on one line at 1366 px, so the
          queue's first rows stay on the first screen (issue 11). */}
      <h2 id="bulk-h" className="bulk-bar__title visually-hidden">Markerade ärenden</h2>
      <div className="bulk-bar__group">
        <button type="submit" name="intent" value="claim" className="button button--secondary button--small">Ta till mig</button>
        <button type="submit" name="intent" value="release" className="button button--secondary button--small">Släpp</button>
      </div>
      {lead && (
        <div className="bulk-bar__group">
          {select('team', 'Team', teams.map((t) => [t.id, t.label]), 'Välj team')}
          <button type="submit" name="intent" value="reassign" className="button button--secondary button--small">Flytta till team</button>
        </div>
      )}
      <div className="bulk-bar__group">
        {select('department', 'Förvaltning', departments.map((d) => [d.id, d.label]), 'Välj förvaltning')}
        <div className={`bulk-bar__field${err('forwardNote') ? ' field--error' : ''}`}>
          <label className="label label--small" htmlFor={bulkFieldId('forwardNote')}>Till förvaltningen</label>
          <FieldError id={bulkFieldId('forwardNote')} error={err('forwardNote')} />
          {/* One note for all the ticked cases: what the department needs to know, as on the case page. */}
          <input id={bulkFieldId('forwardNote')} name="forwardNote" type="text" className="input" defaultValue={a?.values.forwardNote ?? ''}
            {...described(bulkFieldId('forwardNote'), 'forwardNote')} />
        </div>
        <button type="submit" name="intent" value="forward" className="button button--secondary button--small">Vidarebefordra</button>
      </div>
      <div className="bulk-bar__group">
        {select('outcome', 'Utfall', CLOSE_OUTCOME_OPTIONS, 'Välj utfall')}
        <button type="submit" name="intent" value="close" className="button button--secondary button--small">Avsluta</button>
      </div>
    </Form>
  )
}
