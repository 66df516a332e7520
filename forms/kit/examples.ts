/**
 * Examples shown in hints and messages. Each passes its field's own check (forms/hint-examples.test.ts). Kept
 * apart from the validators so a page that only shows an example does not load a validator library.
 */
export const PERSONNUMMER_EXAMPLE = '19121212-1212'
export const ORGNR_EXAMPLE = '802000-1239'
