import type { CheckboxField, FileField, PageDef, Text } from '../kit/index.ts'
import { NAME_TOO_LONG } from './fields.ts'

/**
 * Questions several applications share (docs/domain.md §0): who the application is for, the ombud's power of
 * attorney, and the art. 13 acknowledgement. Plain data, so each definition still snapshots in full.
 */

/** Attachments citizens scan or photograph: what the issue asks slots to take. */
export const DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/heic']
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/heic']
export const MAX_MB = 10

/** The first page: the rest of the form, and the prefill from BankID, depend on it. */
export function applyingForPage(concerns: Text): PageDef {
  return {
    id: 'vem',
    title: { sv: 'Vem gäller ansökan?', en: 'Who is the application for?' },
    fields: [{
      id: 'applyingFor', kind: 'choice',
      label: { sv: 'Ansöker du för dig själv?', en: 'Are you applying for yourself?' },
      hint: concerns,
      options: [
        { value: 'self', label: { sv: 'Ja, för mig själv', en: 'Yes, for myself' } },
        {
          value: 'ombud', label: { sv: 'Nej, för någon annan, med fullmakt', en: 'No, for someone else, with a power of attorney' },
          hint: { sv: 'Du behöver bifoga en fullmakt från den som ansökan gäller.', en: 'You need to attach a power of attorney from the person the application is for.' },
        },
      ],
      errors: { required: { sv: 'Välj om du ansöker för dig själv eller för någon annan', en: 'Select whether you are applying for yourself or for someone else' } },
    }],
  }
}

const self = { field: 'applyingFor', equals: 'self' } as const
const ombud = { field: 'applyingFor', equals: 'ombud' } as const

/**
 * Name and personnummer of the person the application is for: filled from BankID when applying for
 * oneself (and then required to be one's own), someone else's with a power of attorney when not.
 */
export function applicantPage(): PageDef {
  return {
    id: 'sokande',
    title: { sv: 'Den som ansökan gäller', en: 'The person the application is for' },
    fields: [
      {
        id: 'applicantName', kind: 'text', maxLength: 100, autocomplete: 'name', prefill: { from: 'name', when: self },
        label: { sv: 'Namn', en: 'Name' },
        errors: {
          required: { sv: 'Fyll i namnet på den som ansökan gäller', en: 'Enter the name of the person the application is for' },
          tooLong: NAME_TOO_LONG,
        },
      },
      {
        id: 'applicantPnr', kind: 'personnummer', prefill: { from: 'personalNumber', when: self },
        label: { sv: 'Personnummer', en: 'Personal identity number' },
        errors: {
          required: { sv: 'Fyll i personnumret för den som ansökan gäller', en: 'Enter the personal identity number of the person the application is for' },
          invalid: { sv: 'Det finns inget sådant personnummer. Kontrollera siffrorna och skriv det igen', en: 'There is no such personal identity number. Check the digits and enter it again' },
        },
      },
      {
        id: 'powerOfAttorney', kind: 'file', visibleWhen: ombud, accept: DOCUMENT_TYPES, maxSizeMb: MAX_MB, maxFiles: 3,
        // For a safety alarm or a parking permit a power of attorney often says why help is needed: health data.
        sensitive: 'health',
        label: { sv: 'Fullmakt', en: 'Power of attorney' },
        hint: { sv: 'Undertecknad av den som ansökan gäller.', en: 'Signed by the person the application is for.' },
        purpose: { sv: 'Visar att ombudet får ansöka för den sökande', en: 'Shows that the representative may apply for the applicant' },
        errors: { required: { sv: 'Fullmakten saknas. Bifoga fullmakten från den som ansökan gäller', en: 'The power of attorney is missing. Attach the power of attorney from the person the application is for' } },
      },
    ],
    rules: [
      {
        kind: 'matchesIdentity', field: 'applicantPnr', expect: 'same', when: self, target: 'applicantPnr',
        message: {
          sv: 'Personnumret är inte ditt. Skriv ditt eget, eller gå tillbaka och välj att du ansöker för någon annan',
          en: 'This is not your personal identity number. Enter your own, or go back and choose that you are applying for someone else',
        },
      },
      {
        kind: 'matchesIdentity', field: 'applicantPnr', expect: 'different', when: ombud, target: 'applicantPnr',
        message: {
          sv: 'Skriv personnumret för den du ansöker för, inte ditt eget',
          en: 'Enter the personal identity number of the person you are applying for, not your own',
        },
      },
    ],
  }
}

export const privacyAck: CheckboxField = {
  id: 'privacyAck', kind: 'checkbox',
  label: { sv: 'Jag har läst hur kommunen behandlar mina personuppgifter', en: 'I have read how the municipality handles my personal data' },
  hint: {
    sv: 'Kommunen behandlar uppgifterna för att handlägga ärendet (GDPR artikel 6.1 e). Det här är inget samtycke, bara ett kvitto på att du har fått informationen.',
    en: 'The municipality processes the data to handle the matter (GDPR article 6.1(e)). This is not consent, only a record that you have been informed.',
  },
  errors: { required: { sv: 'Läs informationen om personuppgifter och kryssa sedan i rutan', en: 'Read the information about personal data, then tick the box' } },
}

export const truthful: CheckboxField = {
  id: 'truthful', kind: 'checkbox',
  label: { sv: 'Jag intygar att uppgifterna stämmer', en: 'I confirm that the information is correct' },
  errors: { required: { sv: 'Kryssa i rutan för att intyga att uppgifterna stämmer', en: 'Tick the box to confirm that the information is correct' } },
}

/**
 * A required document slot in the usual formats; the hint with types and sizes is derived from them
 * (`constraintHint`). `missing` is the slot's own "required" message: a pasted label ("Bifoga budget") reads badly.
 */
export function documentSlot(id: string, label: Text, purpose: Text, missing: Text, extra: Partial<FileField> = {}): FileField {
  return { id, kind: 'file', accept: DOCUMENT_TYPES, maxSizeMb: MAX_MB, maxFiles: 5, label, purpose, errors: { required: missing }, ...extra }
}
