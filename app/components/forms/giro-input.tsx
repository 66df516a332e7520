import { giroName, giroTypes, type GiroField } from '#forms/kit/index.ts'
import { ErrorMessage, Hint, describedBy, part, type FieldProps } from './field.tsx'
import { translate } from '#app/i18n.ts'
import { inputId } from './ids.ts'


/**
 * Bankgiro or plusgiro: the type as radios (the lengths overlap, so the number alone cannot tell), then the
 * number on the digit keyboard. Each part has its own error, at the input named in the summary.
 */
export function GiroInput(props: FieldProps & { field: GiroField; label: string; hint?: string; className: string }) {
  const { field, locale, values, errors, register, label, hint } = props
  const id = inputId(field.id)
  const error = errors[field.id]
  const value = values[field.id]
  const types = giroTypes(field)
  const typeName = `${field.id}.type`
  const numberName = `${field.id}.number`
  const typeError = errors[typeName]
  const numberError = errors[numberName]
  const numberId = inputId(numberName)
  return (
    <div className={props.className} id={`${id}-field`}>
      <fieldset className="fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className="legend">{label}</legend>
        <Hint id={id} text={hint} />
        <ErrorMessage id={id} message={error} locale={locale} />
        {types.length === 1 ? (
          <input type="hidden" value={types[0]} {...register(typeName)} />
        ) : (
          <div className={`field field--nested${typeError ? ' field--error' : ''}`}>
            <ErrorMessage id={inputId(typeName)} message={typeError} locale={locale} />
            <div className="radios">
              {types.map((type, i) => {
                const oid = i === 0 ? inputId(typeName) : `${inputId(typeName)}-${i}`
                return (
                  <div className="radios__item" key={type}>
                    <input
                      id={oid} type="radio" value={type} className="radios__input" defaultChecked={part(value, 'type') === type}
                      aria-describedby={typeError ? `${inputId(typeName)}-error` : undefined} {...register(typeName)}
                    />
                    <label className="choice-label" htmlFor={oid}>{giroName(type, locale)}</label>
                  </div>
                )
              })}
            </div>
          </div>
        )}
        <div className={`field field--nested${numberError ? ' field--error' : ''}`}>
          <label className="label label--small" htmlFor={numberId}>{translate(locale, 'giroNumber')}</label>
          <ErrorMessage id={numberId} message={numberError} locale={locale} />
          <input
            id={numberId} type="text" inputMode="numeric" className="input input--medium" autoComplete="off" spellCheck={false}
            defaultValue={part(value, 'number')} maxLength={12}
            aria-invalid={numberError || error ? true : undefined} aria-describedby={numberError ? `${numberId}-error` : undefined}
            {...register(numberName)}
          />
        </div>
      </fieldset>
    </div>
  )
}
