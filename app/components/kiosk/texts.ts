import type { Text } from '#forms/kit/index.ts'
import { textTable } from '#app/i18n.ts'

/** The kiosk's own interface texts; plain words, short sentences: many visitors are new to computers. */
const KIOSK = {
  help: { sv: 'Få hjälp av personal', en: 'Get help from staff' },
  helpSending: { sv: 'Skickar …', en: 'Sending …' },
  helpSent: { sv: 'Personalen har fått ditt meddelande och kommer till dig. Stanna gärna vid datorn.', en: 'Staff have been told and will come to you. Please stay at the computer.' },
  // Named apart from the visitor's buttons ("Starta", "Logga in"): staff look for it, visitors should not take it for theirs.
  staffAssist: { sv: 'Hjälpläge (för personal)', en: 'Assisted mode (for staff)' },
  helpFailed: { sv: 'Det gick inte att nå personalen just nu. Gå gärna till informationsdisken.', en: 'Staff could not be reached just now. Please go to the information desk.' },
  end: { sv: 'Avsluta', en: 'Finish' },
  largerText: { sv: 'Större text', en: 'Larger text' },
  contrastOn: { sv: 'Hög kontrast', en: 'High contrast' },
  loggedInCard: { sv: 'Inloggad med lånekort: {name}', en: 'Logged in with library card: {name}' },
  loggedInBankId: { sv: 'Inloggad med BankID: {name}', en: 'Logged in with BankID: {name}' },
  assisted: { sv: '{name} från personalen hjälper dig att fylla i.', en: '{name} from the staff is helping you fill in.' },
  endAssist: { sv: 'Avsluta hjälpläget', en: 'Leave assisted mode' },
  footer: { sv: 'Tryck på Avsluta när du är klar. Då tas allt du har fyllt i bort från datorn.', en: 'Press Finish when you are done. Everything you filled in is then removed from the computer.' },
  idleTitle: { sv: 'Är du kvar?', en: 'Are you still there?' },
  idleText: { sv: 'Ingen har använt datorn på en stund. Om {time} avslutas besöket och allt du har fyllt i tas bort.', en: 'Nobody has used the computer for a while. In {time} the visit ends and everything you filled in is removed.' },
  idleAnnounce: { sv: 'Besöket avslutas om {time}.', en: 'The visit ends in {time}.' },
  oneSecond: { sv: '1 sekund', en: '1 second' },
  seconds: { sv: '{n} sekunder', en: '{n} seconds' },
  moreTime: { sv: 'Jag behöver mer tid', en: 'I need more time' },
  endNow: { sv: 'Avsluta nu', en: 'Finish now' },
  welcome: { sv: 'Välkommen', en: 'Welcome' },
  startIntro: { sv: 'Här kan du lämna in ärenden till {name}. Tryck på det du vill göra.', en: 'Here you can send your cases to {name}. Tap what you want to do.' },
  services: { sv: 'E-tjänster', en: 'E-services' },
  noLoginNeeded: { sv: 'Du behöver inte logga in', en: 'No login needed' },
  needsBankId: { sv: 'Kräver inloggning med BankID', en: 'Needs BankID login' },
  login: { sv: 'Logga in', en: 'Log in' },
  loginIntro: { sv: 'Du kan också använda e-tjänsterna utan att logga in, om e-tjänsten tillåter det.', en: 'You can also use the e-services without logging in, where the e-service allows it.' },
  loginCard: { sv: 'Logga in med lånekort', en: 'Log in with library card' },
  loginBankId: { sv: 'Logga in med BankID', en: 'Log in with BankID' },
  bankidPhoneLegend: { sv: 'BankID på din telefon', en: 'BankID on your phone' },
  bankidPhone: { sv: 'Visa QR-kod för BankID på din telefon', en: 'Show a QR code for BankID on your phone' },
  bankidPhoneHint: { sv: 'Du skannar QR-koden med BankID-appen på din egen telefon eller surfplatta.', en: 'You scan the QR code with the BankID app on your own phone or tablet.' },
  endedIdle: { sv: 'Det förra besöket avslutades eftersom datorn inte användes på en stund. Allt som var ifyllt är borttaget.', en: 'The previous visit ended because the computer was not used for a while. Everything filled in has been removed.' },
  ended: { sv: 'Besöket är avslutat. Allt du fyllde i är borttaget från datorn.', en: 'The visit has ended. Everything you filled in has been removed from the computer.' },
} satisfies Record<string, Text>

export type KioskTextKey = keyof typeof KIOSK

/** The kiosk's translator and its hook for the current page's language. */
export const { translate: kioskText, useT: useKioskT } = textTable(KIOSK)
