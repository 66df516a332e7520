import { defineForm } from '../kit/index.ts'

/**
 * A minimal application that needs BankID login and signing, for the tests only: the signing mechanism is
 * exercised end to end through the same routes as the real signed e-services, on a one-page form. Not in the
 * registry (forms/registry.ts): the end-to-end test server adds it at start (tests/e2e/server.ts), so it never
 * shows in a demo or in production.
 */
export const provansokan = defineForm({
  id: 'provansokan',
  version: 1,
  title: { sv: 'Provansökan (endast för test)', en: 'Test application (tests only)' },
  description: {
    sv: 'En ansökan som bara finns i testmiljön, för att prova inloggning och underskrift med BankID.',
    en: 'An application that exists only in the test environment, to try BankID login and signing.',
  },
  caseNumberPrefix: 'SIGN',
  handlingDays: 5,
  afterReceipt: { sv: 'Svar inom {days} dagar.', en: 'An answer within {days} days.' },
  identification: 'bankid',
  sign: true,
  routing: { team: 'social' },
  pages: [
    {
      id: 'arende',
      title: { sv: 'Vad gäller ansökan?', en: 'What is the application about?' },
      fields: [
        {
          id: 'subject', kind: 'text', maxLength: 200,
          label: { sv: 'Ämne', en: 'Subject' },
          errors: { required: { sv: 'Skriv vad ansökan gäller', en: 'Enter what the application is about' } },
        },
        {
          id: 'phone', kind: 'phone', autocomplete: 'tel',
          label: { sv: 'Telefon', en: 'Phone' },
        },
        {
          id: 'document', kind: 'file', optional: true, accept: ['application/pdf', 'image/jpeg', 'image/png'], maxSizeMb: 10, maxFiles: 2,
          label: { sv: 'Bilaga', en: 'Attachment' },
        },
      ],
    },
  ],
})
