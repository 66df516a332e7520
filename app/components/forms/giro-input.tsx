import { giroName, giroTypes } from '#forms/kit/kinds/giro.ts'
import type { GiroField } from '#forms/kit/types.ts'
import type { FieldProps } from './field.tsx'
import { ErrorMessage, FieldsetQuestion, PartInput, part } from './question-frame.tsx'
import { translate } from '#app/i18n.ts'
import { inputId } from './input-id.ts'


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
  const typeError = errors[typeName]
  return (
    <FieldsetQuestion id={id} className={props.className} label={label} hint={hint} error={error} locale={locale}>
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
      <PartInput name={`${field.id}.number`} label={translate(locale, 'giroNumber')} errors={errors} questionError={error} locale={locale} register={register}
        inputMode="numeric" className="input input--medium" autoComplete="off" spellCheck={false} defaultValue={part(value, 'number')} maxLength={12} />
    </FieldsetQuestion>
  )
}
