import { useRouteLoaderData } from 'react-router'
import type { Locale, Text } from '../forms/kit/index.ts'
import { fill, t } from '../forms/kit/index.ts'

/** Interface texts of the portal itself; e-service texts live in their form definitions. */
const UI = {
  skipLink: { sv: 'Till huvudinnehållet', en: 'Skip to main content' },
  eServices: { sv: 'E-tjänster', en: 'E-services' },
  startHeading: { sv: 'Kommunens e-tjänster', en: 'The municipality’s e-services' },
  startIntro: { sv: 'Här kan du lämna in ärenden till {name} dygnet runt. Servicecenter hjälper dig om du har frågor: {phone}.', en: 'File your matters with {name} any time of day. The servicecenter can help if you have questions: {phone}.' },
  start: { sv: 'Starta', en: 'Start now' },
  startService: { sv: 'Starta e-tjänsten', en: 'Start the e-service' },
  noLogin: { sv: 'Du behöver inte logga in.', en: 'You do not need to log in.' },
  languageSwitch: { sv: 'In English', en: 'På svenska' },
  back: { sv: 'Tillbaka', en: 'Back' },
  stepOf: { sv: 'Steg {n} av {total}', en: 'Step {n} of {total}' },
  continue: { sv: 'Fortsätt', en: 'Continue' },
  optional: { sv: '(frivilligt)', en: '(optional)' },
  errorSummaryTitle: { sv: 'Det finns fel i formuläret', en: 'There is a problem' },
  errorTitlePrefix: { sv: 'Fel: ', en: 'Error: ' },
  upload: { sv: 'Ladda upp', en: 'Upload' },
  remove: { sv: 'Ta bort', en: 'Remove' },
  uploadedFiles: { sv: 'Uppladdade filer', en: 'Uploaded files' },
  useMyLocation: { sv: 'Använd min position', en: 'Use my location' },
  latitude: { sv: 'Latitud', en: 'Latitude' },
  longitude: { sv: 'Longitud', en: 'Longitude' },
  street: { sv: 'Gatuadress', en: 'Street address' },
  postcode: { sv: 'Postnummer', en: 'Postcode' },
  city: { sv: 'Ort', en: 'Town' },
  maxChars: { sv: 'Högst {max} tecken.', en: '{max} characters at most.' },
  checkTitle: { sv: 'Kontrollera dina svar', en: 'Check your answers' },
  checkIntro: { sv: 'Kontrollera att allt stämmer innan du skickar.', en: 'Check that everything is right before you send.' },
  change: { sv: 'Ändra', en: 'Change' },
  sendHeading: { sv: 'Skicka in', en: 'Send' },
  sendText: { sv: 'När du skickar blir ärendet en allmän handling hos kommunen.', en: 'When you send it, the matter becomes a public record held by the municipality.' },
  send: { sv: 'Skicka', en: 'Send' },
  receiptTitle: { sv: 'Ditt ärende är mottaget', en: 'Your matter has been received' },
  caseNumber: { sv: 'Ärendenummer', en: 'Case number' },
  receiptNext: { sv: 'Vad händer nu?', en: 'What happens next?' },
  receiptNextText: { sv: 'Servicecenter går igenom ärendet och skickar det vidare till rätt avdelning. Ange ärendenumret om du kontaktar oss.', en: 'The servicecenter reviews the matter and passes it on to the right department. Quote the case number if you contact us.' },
  receiptPdf: { sv: 'Ladda ner kvittot som PDF', en: 'Download the receipt as a PDF' },
  print: { sv: 'Skriv ut', en: 'Print' },
  yourAnswers: { sv: 'Dina svar', en: 'Your answers' },
  dbDownTitle: { sv: 'Tjänsten är inte tillgänglig just nu', en: 'The service is not available right now' },
  dbDownForm: { sv: 'Vi kunde inte spara just nu på grund av tekniska problem. Det du skrev finns kvar här – försök igen om en stund.', en: 'We could not save just now because of technical problems. What you typed is still here – please try again in a while.' },
  notFoundTitle: { sv: 'Sidan finns inte', en: 'Page not found' },
  notFoundText: { sv: 'Kontrollera adressen, eller gå till startsidan.', en: 'Check the address, or go to the start page.' },
  errorText: { sv: 'Vi har tillfälliga tekniska problem. Det du redan har sparat eller skickat finns kvar. Försök igen om en stund, eller ring servicecenter på {phone}.', en: 'We have temporary technical problems. What you have already saved or sent is kept. Please try again in a while, or call the servicecenter on {phone}.' },
  forbiddenTitle: { sv: 'Formuläret kunde inte skickas', en: 'The form could not be sent' },
  forbiddenText: { sv: 'Sidan var för gammal. Ladda om sidan och försök igen.', en: 'The page was too old. Reload the page and try again.' },
  toStart: { sv: 'Till startsidan', en: 'To the start page' },
  contact: { sv: 'Kontakt', en: 'Contact' },
  accessibility: { sv: 'Tillgänglighetsredogörelse', en: 'Accessibility statement' },
  staffLogin: { sv: 'För personal', en: 'For staff' },
} satisfies Record<string, Text>

export type UiKey = keyof typeof UI

export function translate(locale: Locale, key: UiKey, vars?: Record<string, string | number>): string {
  const s = t(UI[key], locale)
  return vars ? fill(s, vars) : s
}

type RootData = { locale: Locale }

export function useLocale(): Locale {
  return (useRouteLoaderData('root') as RootData | undefined)?.locale ?? 'sv'
}

/** The translator for the current page's language. */
export function useT() {
  const locale = useLocale()
  return (key: UiKey, vars?: Record<string, string | number>) => translate(locale, key, vars)
}
