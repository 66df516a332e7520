import { fill } from './text.ts'
import type { Locale, Text } from './types.ts'

/**
 * The form kit's own texts (validation messages, hints, a few words of the summaries) in the languages beyond
 * Swedish and English (ADR 050). Swedish and English stay beside the code that uses them, the reference; Finnish
 * and Arabic are in `forms/kit/locales/<code>.json` under `<kind>.<rule>` and the phrase keys below. The kit runs in
 * the browser inside the forms' schemas, so those files are not imported here: the server compiles them into the
 * page's catalog (app/i18n.server.ts, keys `kit.…`) and the app hands the kit a way to read it, so a browser
 * holds the page's language only.
 */
type Vars = Record<string, string | number>
type Lookup = (locale: Locale, key: string, vars: Vars) => string | undefined
let lookup: Lookup = () => undefined

/** Called once by the app (app/i18n.ts), on the server and in the browser. */
export function provideKitTexts(read: Lookup): void {
  lookup = read
}

/** `text` in the language: its own wording when it has one, else the catalog's `kit.<key>`, else Swedish. */
export function kitText(locale: Locale, key: string, text: Text, vars: Vars = {}): string {
  const own = text[locale]
  return own !== undefined ? fill(own, vars) : (lookup(locale, `kit.${key}`, vars) ?? fill(text.sv, vars))
}
