import { z } from 'zod'
import { message } from '../messages.ts'
import type { EmailField, TextField, TextareaField } from '../types.ts'
import { blank, str, type Kind } from './kind.ts'

const required = { sv: 'Fyll i {label}', en: 'Enter {label}' }

function lengthChecked(field: TextField | TextareaField, locale: 'sv' | 'en') {
  let s = z.string().trim()
  if (field.minLength)
    s = s.min(field.minLength, message(field, 'tooShort', locale,
      { sv: '{label} måste ha minst {min} tecken', en: '{label} must be at least {min} characters' }, { min: field.minLength }))
  if (field.maxLength)
    s = s.max(field.maxLength, message(field, 'tooLong', locale,
      { sv: '{label} får ha högst {max} tecken', en: '{label} must be {max} characters or fewer' }, { max: field.maxLength }))
  return s
}

export const text: Kind<TextField> = {
  schema: (field, ctx) => {
    const checked = lengthChecked(field, ctx.locale)
    if (!field.pattern) return z.preprocess(str, checked)
    const re = new RegExp(`^(?:${field.pattern})$`)
    return z.preprocess(str, checked.refine((v) => re.test(v),
      message(field, 'pattern', ctx.locale, { sv: '{label} har fel format', en: '{label} is in the wrong format' })))
  },
  isEmpty: blank,
  format: (v) => str(v),
  inputNames: (f) => [f.id],
  requiredMessage: (f, locale) => message(f, 'required', locale, required),
}

export const textarea: Kind<TextareaField> = {
  // Windows line endings would count twice against the limit the citizen sees in the browser.
  schema: (field, ctx) => z.preprocess((v) => str(v).replace(/\r\n/g, '\n'), lengthChecked(field, ctx.locale)),
  isEmpty: blank,
  format: (v) => str(v),
  inputNames: (f) => [f.id],
  requiredMessage: (f, locale) => message(f, 'required', locale, required),
}

export const email: Kind<EmailField> = {
  schema: (field, ctx) =>
    z.preprocess(
      (v) => str(v).trim(),
      z.email(message(field, 'invalid', ctx.locale, {
        sv: 'Skriv e-postadressen i rätt format, till exempel namn@exempel.se',
        en: 'Enter an email address in the correct format, like name@example.com',
      })).max(254, message(field, 'tooLong', ctx.locale, {
        sv: 'E-postadressen får ha högst 254 tecken', en: 'The email address must be 254 characters or fewer',
      })),
    ),
  isEmpty: blank,
  format: (v) => str(v),
  inputNames: (f) => [f.id],
  requiredMessage: (f, locale) => message(f, 'required', locale, required),
}
