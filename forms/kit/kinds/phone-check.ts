import { formatPhone, toE164 } from './phone-numbers.ts'

/** The telephone check on the server and in the tests: always here (the browser's: `phone-check.browser.ts`). */
const numbers = { toE164, formatPhone }
export const phoneCheck = (): typeof numbers | undefined => numbers
export const phoneCheckReady = async (): Promise<void> => {}
