import { defineForm, type FormDefinition } from '#forms/kit/index.ts'
import type { Municipality } from '../config/municipality.ts'

/** The form id of a registered contact: a case of this kind sits in the same queue as every e-service's (ADR 032). */
export const CONTACT_FORM_ID = 'kontakt'

/** The one page a contact is registered on; its id is what the page schema is asked for. */
export const CONTACT_PAGE_ID = 'kontakt'

/** The longest question or answer staff may write down; a call's summary, not a transcript. */
export const CONTACT_TEXT_MAX = 4000

/**
 * A phone call, visit, e-mail or letter that is not an e-service application, as a form definition built from
 * the municipality's profile (its reasons, team and handling days). Received like an e-service, the case keeps
 * this definition as its snapshot, so the case page, the PDF, search, register extracts and retention read a
 * contact exactly as they read an application. It is never offered to citizens: it is not in forms/registry.ts.
 * Who called (personnummer, name) is the case's applicant, as when staff register an e-service for a caller.
 */
export function contactDefinition(profile: Pick<Municipality, 'contacts'>): FormDefinition {
  return defineForm({
    id: CONTACT_FORM_ID,
    version: 1,
    title: { sv: 'Kontakt', en: 'Contact' },
    description: {
      sv: 'Ett samtal, besök, e-brev eller brev till servicecenter som inte är en ansökan.',
      en: 'A call, visit, e-mail or letter to the service centre that is not an application.',
    },
    caseNumberPrefix: 'KON',
    identification: 'none',
    sign: false,
    routing: { team: profile.contacts.team },
    handlingDays: profile.contacts.handlingDays,
    // Who called is the case's applicant; the e-mail and phone the caller left are how they are reached.
    roles: { email: 'email', phone: 'phone' },
    // Never shown to the caller (no receipt page), but every definition says it.
    afterReceipt: {
      sv: 'Servicecenter besvarar eller skickar vidare din fråga inom {days} dagar.',
      en: 'The service centre answers your question or passes it on within {days} days.',
    },
    pages: [
      {
        id: CONTACT_PAGE_ID,
        title: { sv: 'Kontakten', en: 'The contact' },
        fields: [
          {
            id: 'reason', kind: 'choice',
            label: { sv: 'Vad gäller kontakten?', en: 'What is the contact about?' },
            options: profile.contacts.reasons.map((r) => ({ value: r.id, label: r.name })),
            errors: { required: { sv: 'Välj vad kontakten gäller', en: 'Select what the contact is about' } },
          },
          {
            id: 'question', kind: 'textarea', maxLength: CONTACT_TEXT_MAX, rows: 3,
            label: { sv: 'Frågan', en: 'The question' },
            errors: { required: { sv: 'Skriv vad personen frågade om', en: 'Enter what the person asked about' } },
          },
          {
            id: 'answer', kind: 'textarea', maxLength: CONTACT_TEXT_MAX, rows: 3, optional: true,
            label: { sv: 'Svaret som gavs', en: 'The answer given' },
          },
          { id: 'phone', kind: 'phone', optional: true, autocomplete: 'off', label: { sv: 'Telefon', en: 'Phone' } },
          { id: 'email', kind: 'email', optional: true, autocomplete: 'off', label: { sv: 'E-post', en: 'Email' } },
        ],
      },
    ],
  })
}
