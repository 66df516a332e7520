import type { UseFormRegister } from 'react-hook-form'
import type { Locale } from '#forms/kit/index.ts'
import { translate } from '#app/i18n.ts'
import { inputId } from './ids.ts'

/**
 * The frame every question shares around its inputs: the `<id>-field` wrapper the error summary scrolls to,
 * the label or legend, the hint and the error message, linked to the input by `aria-describedby`.
 */

export const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '')
export const part = (v: unknown, key: string) => (v && typeof v === 'object' ? str((v as Record<string, unknown>)[key]) : '')

export function Hint({ id, text }: { id: string; text?: string }) {
  return text ? <div id={`${id}-hint`} className="hint">{text}</div> : null
}

export function ErrorMessage({ id, message, locale }: { id: string; message?: string; locale: Locale }) {
  if (!message) return null
  return (
    <p id={`${id}-error`} className="error-message">
      <span className="visually-hidden">{translate(locale, 'errorLabel')}</span> {message}
    </p>
  )
}

export const describedBy = (id: string, hint?: string, error?: string) =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined

type Frame = { id: string; className: string; label: string; hint?: string; error?: string; locale: Locale; children: React.ReactNode }

/** A question of one input: its label, hint and error above it. */
export function LabelledQuestion({ id, className, label, hint, error, locale, children }: Frame) {
  return (
    <div className={className} id={`${id}-field`}>
      <label className="label" htmlFor={id}>{label}</label>
      <Hint id={id} text={hint} />
      <ErrorMessage id={id} message={error} locale={locale} />
      {children}
    </div>
  )
}

/** A question of several inputs (options, an address's parts, a group's rows): a fieldset with its legend. */
export function FieldsetQuestion({ id, className, label, hint, error, locale, children }: Frame) {
  return (
    <div className={className} id={`${id}-field`}>
      <fieldset className="fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className="legend">{label}</legend>
        <Hint id={id} text={hint} />
        <ErrorMessage id={id} message={error} locale={locale} />
        {children}
      </fieldset>
    </div>
  )
}

/**
 * One text input of a question in parts (street, latitude, giro number), named `<question>.<part>`, with its own
 * error; it is also marked invalid when the question as a whole has an error.
 */
export function PartInput({ name, label, errors, questionError, locale, register, ...input }: {
  name: string; label: string; errors: Record<string, string>; questionError?: string; locale: Locale; register: UseFormRegister<Record<string, unknown>>
  className: string; inputMode?: 'numeric' | 'decimal'; autoComplete: string; spellCheck?: boolean; defaultValue: string; maxLength?: number
}) {
  const id = inputId(name)
  const error = errors[name]
  return (
    <div className={`field field--nested${error ? ' field--error' : ''}`}>
      <label className="label label--small" htmlFor={id}>{label}</label>
      <ErrorMessage id={id} message={error} locale={locale} />
      <input
        id={id} type="text" {...input}
        aria-invalid={error || questionError ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}
        {...register(name)}
      />
    </div>
  )
}
