import { parsePhoneNumberFromString } from 'libphonenumber-js'

/**
 * libphonenumber on the server (and in tests and scripts): always there. The browser build takes
 * `phone-library.browser.ts` instead (package.json `imports`, condition `browser`), which fetches the library
 * only on a page that asks for a telephone number.
 */
export const phoneLibrary = (): typeof parsePhoneNumberFromString | null => parsePhoneNumberFromString

export const loadPhoneLibrary = (): Promise<void> => Promise.resolve()
