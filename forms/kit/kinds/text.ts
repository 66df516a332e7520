import { z } from 'zod'
import { UNREADABLE } from '../fallback-message.ts'
import { message, pick } from '../messages.ts'
import type { EmailField, Locale, TextField, TextareaField } from '../types.ts'
import { blank, str, type Kind } from './kind.ts'

const TEXT = {
  required: { sv: 'Svaret saknas. Skriv ditt svar i rutan', en: 'The answer is missing. Type your answer in the box' },
  tooShort: { sv: 'Svaret är för kort. Skriv minst {min} tecken', en: 'The answer is too short. Write at least {min} characters' },
  tooLong: { sv: 'Svaret är för långt. Skriv högst {max} tecken', en: 'The answer is too long. Write {max} characters or fewer' },
  pattern: { sv: 'Svaret har fel form. Skriv det som hjälptexten visar', en: 'The answer is in the wrong form. Write it as the hint shows' },
  invalid: UNREADABLE,
}

const EMAIL = {
  required: { sv: 'Fyll i en e-postadress', en: 'Enter an email address' },
  invalid: { sv: 'Skriv e-postadressen i rätt form, till exempel namn@exempel.se', en: 'Enter the email address in the correct form, like name@example.com' },
  tooLong: { sv: 'E-postadressen är för lång. Den får ha högst 254 tecken', en: 'The email address is too long. It must be 254 characters or fewer' },
}

function lengthChecked(field: TextField | TextareaField, locale: Locale) {
  let s = z.string().trim()
  if (field.minLength) s = s.min(field.minLength, message(field, 'tooShort', locale, TEXT.tooShort, { min: field.minLength }))
  if (field.maxLength) s = s.max(field.maxLength, message(field, 'tooLong', locale, TEXT.tooLong, { max: field.maxLength }))
  return s
}

const textMessages = (f: TextField | TextareaField) =>
  pick(TEXT, { tooShort: !!f.minLength, tooLong: !!f.maxLength, pattern: f.kind === 'text' && !!f.pattern })

export const text: Kind<TextField> = {
  schema: (field, ctx) => {
    const checked = lengthChecked(field, ctx.locale)
    if (!field.pattern) return z.preprocess(str, checked)
    const re = new RegExp(`^(?:${field.pattern})$`)
    return z.preprocess(str, checked.refine((v) => re.test(v), message(field, 'pattern', ctx.locale, TEXT.pattern)))
  },
  isEmpty: blank,
  format: (v) => str(v),
  inputNames: (f) => [f.id],
  requiredMessage: (f, locale) => message(f, 'required', locale, TEXT.required),
  messages: textMessages,
}

export const textarea: Kind<TextareaField> = {
  // Windows line endings would count twice against the limit the citizen sees in the browser.
  schema: (field, ctx) => z.preprocess((v) => str(v).replace(/\r\n/g, '\n'), lengthChecked(field, ctx.locale)),
  isEmpty: blank,
  format: (v) => str(v),
  inputNames: (f) => [f.id],
  requiredMessage: (f, locale) => message(f, 'required', locale, TEXT.required),
  messages: textMessages,
}

export const email: Kind<EmailField> = {
  schema: (field, ctx) =>
    z.preprocess(
      (v) => str(v).trim(),
      z.email(message(field, 'invalid', ctx.locale, EMAIL.invalid)).max(254, message(field, 'tooLong', ctx.locale, EMAIL.tooLong)),
    ),
  isEmpty: blank,
  format: (v) => str(v),
  inputNames: (f) => [f.id],
  requiredMessage: (f, locale) => message(f, 'required', locale, EMAIL.required),
  messages: () => EMAIL,
}
