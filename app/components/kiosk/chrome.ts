/**
 * The kiosk's header and footer (with the idle guard, the display choices and the help and end buttons), here
 * always present: server rendering and the tests take this module; the browser build takes `chrome.browser.tsx`
 * (package.json `imports`, condition `browser`), which fetches them only on a kiosk, so that no citizen's page
 * on their own phone carries them (ADR 053).
 */
export { KioskFooter, KioskHeader } from './kiosk-chrome.tsx'

export const loadKioskChrome = (): Promise<void> => Promise.resolve()
