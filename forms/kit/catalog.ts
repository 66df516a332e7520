import { PERSONNUMMER_HINT } from './examples.ts'
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

/** The kit's words and sentences that are not a rule's message, by key; `{name}` arguments as in ICU. */
export const PHRASES = {
  or: { sv: 'eller', en: 'or' },
  yes: { sv: 'Ja', en: 'Yes' },
  no: { sv: 'Nej', en: 'No' },
  ifApplies: { sv: 'om det gäller dig', en: 'if it applies to you' },
  notGiven: { sv: 'Inte angivet', en: 'Not provided' },
  later: { sv: 'Lämnas in senare', en: 'To be handed in later' },
  redacted: { sv: 'Skyddad uppgift – visas bara för behörig personal', en: 'Protected – shown only to authorised staff' },
  lengthBetween: { sv: 'Minst {min} och högst {max} tecken.', en: 'At least {min} and at most {max} characters.' },
  lengthAtLeast: { sv: 'Minst {min} tecken.', en: 'At least {min} characters.' },
  lengthAtMost: { sv: 'Högst {max} tecken.', en: '{max} characters at most.' },
  orgnrForm: { sv: 'Tio siffror, till exempel {example}.', en: 'Ten digits, like {example}.' },
  personnummerForm: PERSONNUMMER_HINT,
  fileSize: { sv: 'högst {max} MB per fil', en: '{max} MB per file at most' },
  fileCount: { sv: 'Du kan bifoga {max} filer.', en: 'You can attach {max} files.' },
  numberBetween: { sv: 'Från {min} till {max}.', en: 'From {min} to {max}.' },
  numberAtLeast: { sv: 'Minst {min}.', en: 'At least {min}.' },
  numberAtMost: { sv: 'Högst {max}.', en: 'At most {max}.' },
} satisfies Record<string, Text>

export type Phrase = keyof typeof PHRASES
export const phrase = (locale: Locale, key: Phrase, vars: Vars = {}): string => kitText(locale, key, PHRASES[key], vars)
