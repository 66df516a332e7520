import type { parsePhoneNumberFromString } from 'libphonenumber-js'

/**
 * libphonenumber in the browser, fetched on first use: with its metadata for every country it is 25 kB
 * gzipped, a fifth of a form page's JavaScript, and most pages ask for no telephone number. A page that does
 * starts the fetch when it hydrates and waits for it before its first check (`PageForm`).
 */
let parse: typeof parsePhoneNumberFromString | null = null
let loading: Promise<void> | null = null

export const phoneLibrary = (): typeof parsePhoneNumberFromString | null => parse

export function loadPhoneLibrary(): Promise<void> {
  loading ??= import('libphonenumber-js').then(
    (m) => {
      parse = m.parsePhoneNumberFromString
    },
    (error: unknown) => {
      // The next check tries again.
      loading = null
      throw error
    },
  )
  return loading
}
