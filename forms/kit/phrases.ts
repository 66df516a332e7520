import { kitText } from './catalog.ts'
import { PERSONNUMMER_HINT } from './examples.ts'
import type { Locale, Text } from './types.ts'

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
export const phrase = (locale: Locale, key: Phrase, vars: Record<string, string | number> = {}): string => kitText(locale, key, PHRASES[key], vars)
