import { createElement } from 'react'
import type { UseFormRegister } from 'react-hook-form'
import { fullHint, kindOf, t as tt, type FieldDef, type FileRef, type Locale, type Option } from '#forms/kit/index.ts'
import { humanSize } from '#forms/kit/index.ts'
import { translate } from '#app/i18n.ts'
import { useRootData } from '#app/root-data.ts'
import { inputId } from './input-id.ts'
import { extraInputs, type ExtraInputs } from '#field-inputs'
import { GroupInput } from './group-input.tsx'
import { textAttributes } from './text-attributes.ts'
import { ErrorMessage, FieldsetQuestion, Hint, LabelledQuestion, PartInput, describedBy, part, str } from './question-frame.tsx'

export type Values = Record<string, unknown>
export type FieldProps = {
  field: FieldDef
  locale: Locale
  values: Values
  errors: Record<string, string>
  register: UseFormRegister<Values>
  csrfToken: string
}

/** An option's label, with a language's own name marked with its `lang` (and `dir` for right-to-left). */
function OptionLabel({ option, locale }: { option: Option; locale: Locale }) {
  const label = tt(option.label, locale)
  if (option.lang) return <span lang={option.lang}>{label}</span>
  if (!option.native) return <>{label}</>
  // The own name in the page's language is the label itself ("Svenska" on a Swedish page).
  if (option.native.lang === locale) return <>{label}</>
  return <>{label} (<span lang={option.native.lang} dir={option.native.dir}>{option.native.text}</span>)</>
}

/** One question, rendered by its kind; the same markup works with and without JavaScript. */
export function Field(props: FieldProps) {
  const { field, locale, values, errors, register } = props
  const id = inputId(field.id)
  const label = tt(field.label, locale) + (field.optional && field.kind !== 'checkbox' ? ` ${translate(locale, 'optional')}` : '')
  const hint = fullHint(field, locale)
  const error = errors[field.id]
  const value = values[field.id]
  // On a public kiosk the browser must neither suggest nor restore (on Back) what an earlier visitor typed.
  const kiosk = Boolean(useRootData()?.kiosk)
  const cls = `field${error || Object.keys(errors).some((k) => k.startsWith(`${field.id}.`)) ? ' field--error' : ''}`
  const frame = { id, className: cls, label, hint, error, locale }

  switch (field.kind) {
    case 'text': case 'email': case 'phone': case 'number': case 'date': case 'personnummer': case 'orgnr': case 'money': {
      const { type, inputMode, className, spellCheck, maxLength } = textAttributes(field)
      // A kind whose check the browser fetches (the telephone's, ADR 055) starts fetching it when its input is focused.
      const ready = kindOf(field).ready
      return (
        <LabelledQuestion {...frame}>
          <input
            id={id} type={type} inputMode={inputMode} className={className} defaultValue={str(value)}
            autoComplete={kiosk ? 'off' : (field.autocomplete ?? 'off')} spellCheck={spellCheck}
            aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)}
            maxLength={maxLength} onFocus={ready && (() => void ready().catch(() => {}))}
            {...register(field.id)}
          />
        </LabelledQuestion>
      )
    }
    case 'textarea':
      return (
        <LabelledQuestion {...frame}>
          <textarea
            autoComplete={kiosk ? 'off' : undefined}
            id={id} className="textarea" rows={field.rows ?? 5} defaultValue={str(value)}
            aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)}
            {...register(field.id)}
          />
        </LabelledQuestion>
      )
    case 'choice': case 'multichoice': {
      const multi = field.kind === 'multichoice'
      const chosen = Array.isArray(value) ? value.map(str) : [str(value)]
      return (
        <FieldsetQuestion {...frame}>
          <div className={multi ? 'checkboxes' : 'radios'}>
            {field.options.map((o, i) => {
              const oid = i === 0 ? id : `${id}-${i}`
              return (
                <div className={multi ? 'checkboxes__item' : 'radios__item'} key={o.value}>
                  <input
                    id={oid} type={multi ? 'checkbox' : 'radio'} value={o.value} defaultChecked={chosen.includes(o.value)}
                    className={multi ? 'checkboxes__input' : 'radios__input'} {...register(field.id)}
                  />
                  <label className="choice-label" htmlFor={oid}><OptionLabel option={o} locale={locale} /></label>
                </div>
              )
            })}
          </div>
        </FieldsetQuestion>
      )
    }
    case 'checkbox':
      return (
        <div className={cls} id={`${id}-field`}>
          <ErrorMessage id={id} message={error} locale={locale} />
          <div className="checkboxes__item">
            <input
              id={id} type="checkbox" className="checkboxes__input" defaultChecked={value === true || value === 'on'}
              aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined} {...register(field.id)}
            />
            <label className="choice-label" htmlFor={id}>{label}</label>
          </div>
          <Hint id={id} text={hint} />
        </div>
      )
    case 'address': {
      // `autocomplete: 'off'` for a place that is not the person's own (a fault's address): no home address offered.
      const parts = [
        { key: 'street', label: translate(locale, 'street'), ac: 'street-address', cls: 'input' },
        { key: 'postcode', label: translate(locale, 'postcode'), ac: 'postal-code', cls: 'input input--short', mode: 'numeric' as const },
        { key: 'city', label: translate(locale, 'city'), ac: 'address-level2', cls: 'input input--medium' },
      ]
      return (
        <FieldsetQuestion {...frame}>
          {parts.map((p) => (
            <PartInput key={p.key} name={`${field.id}.${p.key}`} label={p.label} errors={errors} questionError={error} locale={locale} register={register}
              className={p.cls} inputMode={p.mode} autoComplete={kiosk || field.autocomplete === 'off' ? 'off' : p.ac} defaultValue={part(value, p.key)} />
          ))}
        </FieldsetQuestion>
      )
    }
    // The inputs fetched on demand (ADR 053) are looked up, not made, here: each is one module-level component.
    case 'mappoint':
      return createElement(input('mappoint'), { ...props, field, label, hint, className: cls })
    case 'giro':
      return createElement(input('giro'), { ...props, field, label, hint, className: cls })
    case 'group':
      return <GroupInput {...props} field={field} label={label} hint={hint} />
    case 'file': {
      const files = Array.isArray(value) ? (value as FileRef[]) : []
      return createElement(input('file'), {
        // A new input once the stored files change, so files already uploaded are not sent twice.
        key: files.map((f) => f.id).join(),
        field, locale, label, hint, error, className: cls, files, sizeText: (n: number) => humanSize(n, locale),
      })
    }
  }
}

/** An input fetched on demand in the browser (ADR 053); the form names its kinds, so it is here before rendering. */
function input<K extends keyof ExtraInputs>(kind: K): ExtraInputs[K] {
  const found = extraInputs()[kind]
  if (!found) throw new Error(`The input for "${kind}" is used before it is loaded: the form must name it in data-field-kinds`)
  return found
}

