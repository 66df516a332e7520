import { useState } from 'react'
import { groupItems, groupRows, itemLabel, t as tt, type GroupField, type ItemField } from '#forms/kit/index.ts'
import { translate } from '#app/i18n.ts'
import { useHydrated } from '#app/utils/use-hydrated.ts'
import { Field, type FieldProps } from './field.tsx'
import { FieldsetQuestion } from './question-frame.tsx'
import { inputId } from './ids.ts'


/**
 * A repeating group as GOV.UK's "add another" pattern, without JavaScript first: a fieldset per item,
 * inputs named `<group>.<n>.<field>`, all rows of a small group at once, and for a large one the filled
 * rows plus spares. "Add" is a real submit (`_action=add:<id>`), so the route re-renders with the typed
 * rows and new spares; with JavaScript it adds a row in place. Blank rows are ignored by validation.
 */
export function GroupInput(props: FieldProps & { field: GroupField; label: string; hint?: string }) {
  const { field, locale, values, errors, label, hint } = props
  const id = inputId(field.id)
  // The group is marked for its own message only ("at least one contact person"); a wrong answer in a row
  // marks that answer's field, not every input of the group.
  const error = errors[field.id]
  const className = `field${error ? ' field--error' : ''}`
  const value = values[field.id]
  const items = groupItems(value)
  const hydrated = useHydrated()
  const needed = groupRows(field, value)
  const [added, setAdded] = useState(0)
  const rows = Math.min(field.max, needed + added)
  const optional = translate(locale, 'optional')
  return (
    <FieldsetQuestion id={id} className={className} label={label} hint={hint} error={error} locale={locale}>
      {Array.from({ length: rows }, (_, i) => (
        <fieldset className="fieldset field" key={i} id={`${id}-${i}`}>
          <legend className="label">{itemLabel(field, i, locale)}{i >= (field.min ?? 0) ? ` ${optional}` : ''}</legend>
          {field.fields.map((sub: ItemField) => {
            const name = `${field.id}.${i}.${sub.id}`
            return <Field {...props} key={sub.id} field={{ ...sub, id: name }} values={{ [name]: items[i]?.[sub.id] }} />
          })}
        </fieldset>
      ))}
      {rows < field.max && (
        <button
          type="submit" name="_action" value={`add:${field.id}`} formNoValidate className="button button--secondary"
          onClick={(ev) => {
            // With JavaScript there is nothing to save yet: add the row here and keep what was typed.
            if (!hydrated) return
            ev.preventDefault()
            setAdded((n) => n + 1)
          }}
        >
          {field.addLabel ? tt(field.addLabel, locale) : translate(locale, 'addAnother')}
        </button>
      )}
    </FieldsetQuestion>
  )
}
