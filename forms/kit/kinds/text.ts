import * as z from 'zod/mini'
import { UNREADABLE } from '../fallback-message.ts'
import { messagesOf, pick, requiredFrom } from '../messages.ts'
import type { EmailField, Locale, TextField, TextareaField } from '../types.ts'
import { blank, oneInput, preprocess, str, type Kind } from './kind.ts'

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
  const m = messagesOf(field, locale, TEXT)
  return z.string().check(
    z.trim(),
    ...(field.minLength ? [z.minLength(field.minLength, m('tooShort', { min: field.minLength }))] : []),
    ...(field.maxLength ? [z.maxLength(field.maxLength, m('tooLong', { max: field.maxLength }))] : []),
  )
}

/** Text and textarea differ only in what they check; an answer is shown, judged empty and named alike. */
const freeText = {
  isEmpty: blank,
  format: (v: unknown) => str(v),
  inputNames: oneInput,
  requiredMessage: requiredFrom(TEXT),
  messages: (f: TextField | TextareaField) =>
    pick(TEXT, { tooShort: !!f.minLength, tooLong: !!f.maxLength, pattern: f.kind === 'text' && !!f.pattern }),
}

export const text: Kind<TextField> = {
  ...freeText,
  schema: (field, ctx) => {
    const checked = lengthChecked(field, ctx.locale)
    if (!field.pattern) return preprocess(str, checked)
    const re = new RegExp(`^(?:${field.pattern})$`)
    return preprocess(str, checked.check(z.refine((v) => re.test(v), messagesOf(field, ctx.locale, TEXT)('pattern'))))
  },
}

export const textarea: Kind<TextareaField> = {
  ...freeText,
  // Windows line endings would count twice against the limit the citizen sees in the browser.
  schema: (field, ctx) => preprocess((v) => str(v).replace(/\r\n/g, '\n'), lengthChecked(field, ctx.locale)),
}

export const email: Kind<EmailField> = {
  schema: (field, ctx) => {
    const m = messagesOf(field, ctx.locale, EMAIL)
    return preprocess((v) => str(v).trim(), z.email(m('invalid')).check(z.maxLength(254, m('tooLong'))))
  },
  isEmpty: blank,
  format: (v) => str(v),
  inputNames: oneInput,
  requiredMessage: requiredFrom(EMAIL),
  messages: () => EMAIL,
}
