/**
 * Examples shown in hints and messages. Each passes its field's own check (forms/hint-examples.test.ts). Kept
 * apart from the validators so a page that only shows an example does not load a validator library.
 */
export const PERSONNUMMER_EXAMPLE = '19121212-1212'
export const ORGNR_EXAMPLE = '802000-1239'

/** The form of a personnummer as a hint says it: the kit's personnummer fields, and staff pages that ask for one. */
export const PERSONNUMMER_HINT = {
  sv: `10 eller 12 siffror, till exempel ${PERSONNUMMER_EXAMPLE}.`,
  en: `10 or 12 digits, like ${PERSONNUMMER_EXAMPLE}.`,
} as const
