import { useRouteLoaderData } from 'react-router'
import type { Locale, Text } from '#forms/kit/index.ts'
import { fill, t } from '#forms/kit/text.ts'

/** Interface texts of the portal itself; e-service texts live in their form definitions. */
const UI = {
  skipLink: { sv: 'Till huvudinnehållet', en: 'Skip to main content' },
  eServices: { sv: 'E-tjänster', en: 'E-services' },
  startHeading: { sv: 'Kommunens e-tjänster', en: 'The municipality’s e-services' },
  startIntro: { sv: 'Här kan du lämna in ärenden till {name} dygnet runt. Servicecenter hjälper dig om du har frågor: {phone}.', en: 'Send your cases to {name} at any time of day. The service centre can help if you have questions: {phone}.' },
  start: { sv: 'Starta', en: 'Start now' },
  startService: { sv: 'Starta e-tjänsten', en: 'Start the e-service' },
  noLogin: { sv: 'Du behöver inte logga in.', en: 'You do not need to log in.' },
  languageSwitch: { sv: 'In English', en: 'På svenska' },
  back: { sv: 'Tillbaka', en: 'Back' },
  stepOf: { sv: 'Steg {n} av {total}', en: 'Step {n} of {total}' },
  stepsHeading: { sv: 'Så går det till, i {n} steg', en: 'How it works, in {n} steps' },
  stepsThenSend: { sv: 'Till sist ser du alla dina svar och skickar in.', en: 'Last, you see all your answers and send them.' },
  stepsThenSign: { sv: 'Till sist ser du alla dina svar och skriver under med BankID.', en: 'Last, you see all your answers and sign with BankID.' },
  continue: { sv: 'Fortsätt', en: 'Continue' },
  // Drafts (ADR 013): kept 30 days from the last save, on Mina sidor for BankID e-services; an anonymous visitor's live in the browser's session.
  draftKept: { sv: 'Dina svar sparas varje gång du trycker på Fortsätt. De finns kvar på Mina sidor i {days} dagar efter att du senast sparade.', en: 'Your answers are saved each time you press Continue. They are kept on My pages for {days} days after you last saved.' },
  draftBrowser: { sv: 'Dina svar sparas i den här webbläsaren medan du fyller i. Skicka in innan du stänger webbläsaren, annars kan svaren försvinna.', en: 'Your answers are saved in this browser while you fill in the form. Send it before you close the browser, or the answers may be lost.' },
  saveLater: { sv: 'Spara och fortsätt senare', en: 'Save and continue later' },
  savedTitle: { sv: 'Dina svar är sparade', en: 'Your answers are saved' },
  savedText: { sv: 'Du kan fortsätta med ansökan till och med {date}. Du hittar den under Utkast på Mina sidor. Efter det tas svaren bort.', en: 'You can continue with the application until {date}. You will find it under Drafts on My pages. After that the answers are deleted.' },
  continueNow: { sv: 'Fortsätt nu', en: 'Continue now' },
  optional: { sv: '(frivilligt)', en: '(optional)' },
  errorSummaryTitle: { sv: 'Det finns fel i formuläret', en: 'There is a problem' },
  errorTitlePrefix: { sv: 'Fel: ', en: 'Error: ' },
  upload: { sv: 'Ladda upp', en: 'Upload' },
  remove: { sv: 'Ta bort', en: 'Remove' },
  uploadedFiles: { sv: 'Uppladdade filer', en: 'Uploaded files' },
  useMyLocation: { sv: 'Använd min position', en: 'Use my location' },
  mapKeys: {
    sv: 'Med tangentbordet: flytta kartan med piltangenterna, zooma med plus och minus och välj mitten av kartan med Enter.',
    en: 'With a keyboard: move the map with the arrow keys, zoom with plus and minus, and choose the middle of the map with Enter.',
  },
  mapChosen: { sv: 'Vald plats: {point}', en: 'Chosen place: {point}' },
  mapNoneChosen: { sv: 'Ingen plats vald på kartan.', en: 'No place chosen on the map.' },
  mapClear: { sv: 'Ta bort platsen på kartan', en: 'Remove the place on the map' },
  zoomIn: { sv: 'Zooma in', en: 'Zoom in' },
  zoomOut: { sv: 'Zooma ut', en: 'Zoom out' },
  latitude: { sv: 'Latitud', en: 'Latitude' },
  longitude: { sv: 'Longitud', en: 'Longitude' },
  street: { sv: 'Gatuadress', en: 'Street address' },
  postcode: { sv: 'Postnummer', en: 'Postcode' },
  city: { sv: 'Ort', en: 'Town' },
  checkTitle: { sv: 'Kontrollera dina svar', en: 'Check your answers' },
  checkIntro: { sv: 'Kontrollera att allt stämmer innan du skickar.', en: 'Check that everything is right before you send.' },
  change: { sv: 'Ändra', en: 'Change' },
  sendHeading: { sv: 'Skicka in', en: 'Send' },
  sendText: { sv: 'När du skickar blir ärendet en allmän handling hos kommunen.', en: 'When you send it, your case becomes a public record held by the municipality.' },
  send: { sv: 'Skicka', en: 'Send' },
  receiptTitle: { sv: 'Ditt ärende är mottaget', en: 'We have received your case' },
  caseNumber: { sv: 'Ärendenummer', en: 'Case number' },
  receiptNext: { sv: 'Vad händer nu?', en: 'What happens next?' },
  receiptNextText: { sv: 'Servicecenter går igenom ärendet och skickar det vidare till rätt avdelning.', en: 'The service centre reviews the case and passes it on to the right department.' },
  receiptReceivedBy: { sv: '{municipality} har tagit emot ditt ärende ”{title}”.', en: '{municipality} has received your case “{title}”.' },
  receiptReceivedAt: { sv: 'Mottaget {at}.', en: 'Received {at}.' },
  receiptMailed: { sv: 'Vi skickar också en bekräftelse med ärendenumret till {email}.', en: 'We are also sending a confirmation with the case number to {email}.' },
  receiptQuote: { sv: 'Ange ärendenumret om du kontaktar oss.', en: 'Quote the case number if you contact us.' },
  receiptPdf: { sv: 'Ladda ner kvittot som PDF', en: 'Download the receipt as a PDF' },
  print: { sv: 'Skriv ut', en: 'Print' },
  yourAnswers: { sv: 'Dina svar', en: 'Your answers' },
  dbDownTitle: { sv: 'Tjänsten är inte tillgänglig just nu', en: 'The service is not available right now' },
  dbDownForm: { sv: 'Vi kunde inte spara just nu på grund av tekniska problem. Det du skrev finns kvar här – försök igen om en stund.', en: 'We could not save just now because of technical problems. What you typed is still here – please try again in a while.' },
  notFoundTitle: { sv: 'Sidan finns inte', en: 'Page not found' },
  notFoundText: { sv: 'Kontrollera adressen, eller gå till startsidan.', en: 'Check the address, or go to the start page.' },
  errorText: { sv: 'Vi har tillfälliga tekniska problem. Det du redan har sparat eller skickat finns kvar. Försök igen om en stund, eller ring servicecenter på {phone}.', en: 'We have temporary technical problems. What you have already saved or sent is kept. Please try again in a while, or call the municipality’s service centre on {phone}.' },
  forbiddenTitle: { sv: 'Formuläret kunde inte skickas', en: 'The form could not be sent' },
  badRequestText: { sv: 'Formuläret kom inte fram så att vi kunde läsa det. Gå tillbaka och skicka det igen.', en: 'The form did not arrive in a way we could read. Go back and send it again.' },
  forbiddenText: { sv: 'Sidan var för gammal. Ladda om sidan och försök igen.', en: 'The page was too old. Reload the page and try again.' },
  toStart: { sv: 'Till startsidan', en: 'To the start page' },
  contact: { sv: 'Kontakt', en: 'Contact' },
  accessibility: { sv: 'Tillgänglighetsredogörelse', en: 'Accessibility statement' },
  staffLogin: { sv: 'För personal', en: 'For staff' },
  // BankID login, sessions and Mina sidor (issue 3).
  logIn: { sv: 'Logga in', en: 'Log in' },
  logOut: { sv: 'Logga ut', en: 'Log out' },
  logOutEverywhere: { sv: 'Logga ut på alla enheter', en: 'Log out on all devices' },
  logOutEverywhereHint: { sv: 'Om du har varit inloggad på en annan dator eller mobil, till exempel en lånad, loggas du ut där också.', en: 'If you have been logged in on another computer or phone, for example a borrowed one, you are logged out there too.' },
  myPages: { sv: 'Mina sidor', en: 'My pages' },
  loggedInAs: { sv: 'Inloggad som {name}', en: 'Logged in as {name}' },
  needsLogin: { sv: 'Du loggar in med BankID innan du börjar.', en: 'You log in with BankID before you start.' },
  loginTitle: { sv: 'Logga in med BankID', en: 'Log in with BankID' },
  loginIntro: { sv: 'Logga in för att följa dina ärenden på Mina sidor och för att använda e-tjänster som kräver inloggning.', en: 'Log in to follow your cases on My pages and to use e-services that need you to log in.' },
  bankidThisDevice: { sv: 'BankID på den här enheten', en: 'BankID on this device' },
  bankidOtherDevice: { sv: 'Mobilt BankID på annan enhet', en: 'Mobile BankID on another device' },
  loggedOut: { sv: 'Du är utloggad.', en: 'You have logged out.' },
  loggedOutEverywhere: { sv: 'Du är utloggad på alla enheter.', en: 'You have logged out on all devices.' },
  timedOut: { sv: 'Du loggades ut eftersom du inte gjorde något på 20 minuter. Det du hade sparat finns kvar när du loggar in igen.', en: 'You were logged out because you did nothing for 20 minutes. What you had saved is still there when you log in again.' },
  bankidQrHelp: { sv: 'Öppna BankID-appen på din mobil eller surfplatta. Tryck på QR-symbolen och rikta kameran mot QR-koden här.', en: 'Open the BankID app on your phone or tablet. Tap the QR symbol and point the camera at the QR code here.' },
  bankidQrAlt: { sv: 'QR-kod för BankID', en: 'QR code for BankID' },
  bankidAutostartHelp: { sv: 'Öppna BankID-appen med knappen. Om du inte kommer tillbaka hit automatiskt när du är klar, gå tillbaka till den här sidan.', en: 'Open the BankID app with the button. If you are not brought back here automatically when you are done, return to this page.' },
  bankidRefreshes: { sv: 'Sidan uppdateras automatiskt.', en: 'The page updates automatically.' },
  bankidCancel: { sv: 'Avbryt', en: 'Cancel' },
  bankidRetry: { sv: 'Försök igen', en: 'Try again' },
  bankidOtherWay: { sv: 'Välj ett annat sätt', en: 'Choose another way' },
  rateLimited: { sv: 'Du har försökt för många gånger. Vänta några minuter och försök sedan igen.', en: 'You have tried too many times. Wait a few minutes and then try again.' },
  wrongSigner: { sv: 'Ansökan skrevs under med ett annat BankID än det du loggade in med, så den har inte skickats. Skriv under med ditt eget BankID.', en: 'The application was signed with another BankID than the one you logged in with, so it has not been sent. Sign with your own BankID.' },
  answersChanged: { sv: 'Dina svar ändrades medan du skrev under, så ansökan har inte skickats. Kontrollera svaren och skriv under igen.', en: 'Your answers changed while you were signing, so the application has not been sent. Check your answers and sign again.' },
  signNotSent: { sv: 'Ansökan kunde inte skickas. Kontrollera dina svar och försök igen.', en: 'The application could not be sent. Check your answers and try again.' },
  loginLost: { sv: 'Inloggningen kunde inte slutföras. Försök igen.', en: 'The login could not be completed. Please try again.' },
  sessionWarnTitle: { sv: 'Vill du fortsätta vara inloggad?', en: 'Do you want to stay logged in?' },
  sessionWarnText: { sv: 'Du har inte gjort något på en stund. Om du inte väljer att fortsätta loggas du ut om två minuter. Det du har sparat finns kvar.', en: 'You have not done anything for a while. Unless you choose to continue, you will be logged out in two minutes. What you have saved is kept.' },
  sessionStay: { sv: 'Fortsätt vara inloggad', en: 'Stay logged in' },
  signHeading: { sv: 'Skriv under och skicka', en: 'Sign and send' },
  signCheckText: { sv: 'Du skriver under ansökan med BankID. Den skickas när du har skrivit under och blir då en allmän handling hos kommunen.', en: 'You sign the application with BankID. It is sent when you have signed, and then becomes a public record held by the municipality.' },
  signButton: { sv: 'Skriv under med BankID', en: 'Sign with BankID' },
  signTitle: { sv: 'Skriv under med BankID', en: 'Sign with BankID' },
  signIntro: { sv: 'Det här är texten du skriver under. Du ser den också i BankID-appen.', en: 'This is the text you sign. You also see it in the BankID app.' },
  signChoose: { sv: 'Var har du ditt BankID?', en: 'Where is your BankID?' },
  applicant: { sv: 'Sökande', en: 'Applicant' },
  applicantName: { sv: 'Namn', en: 'Name' },
  personnummer: { sv: 'Personnummer', en: 'Personal identity number' },
  signedBy: { sv: 'Underskriven med BankID av {name}, {at}', en: 'Signed with BankID by {name}, {at}' },
  myCases: { sv: 'Mina ärenden', en: 'My cases' },
  noCases: { sv: 'Du har inga ärenden här ännu. Ärenden du skickar in inloggad visas här.', en: 'You have no cases here yet. Cases you send while logged in are shown here.' },
  myDrafts: { sv: 'Utkast', en: 'Drafts' },
  draftsIntro: { sv: 'Påbörjade ansökningar som du inte har skickat in. Ett utkast tas bort 30 dagar efter att du senast sparade det.', en: 'Applications you have started but not sent. A draft is deleted 30 days after you last saved it.' },
  draftLastSaved: { sv: 'Senast sparad', en: 'Last saved' },
  draftKeptUntil: { sv: 'Sparas till', en: 'Kept until' },
  continueDraft: { sv: 'Fortsätt', en: 'Continue' },
  continueDraftWith: { sv: 'med {title}', en: 'with {title}' },
  deleteDraft: { sv: 'Ta bort', en: 'Delete' },
  draftDeleted: { sv: 'Utkastet är borttaget.', en: 'The draft has been deleted.' },
  formChangedTitle: { sv: 'E-tjänsten har ändrats sedan du började.', en: 'The e-service has changed since you started.' },
  formChangedBody: { sv: 'Svara på frågorna igen där det behövs.', en: 'Please answer the questions again where needed.' },
  eService: { sv: 'E-tjänst', en: 'E-service' },
  received: { sv: 'Inkom', en: 'Received' },
  status: { sv: 'Status', en: 'Status' },
  stageReceived: { sv: 'Mottagen', en: 'Received' },
  stageHandling: { sv: 'Under handläggning', en: 'Being handled' },
  stageWaiting: { sv: 'Väntar på komplettering från dig', en: 'Waiting for more information from you' },
  stageDecided: { sv: 'Beslut fattat', en: 'Decision made' },
  stageClosed: { sv: 'Avslutad', en: 'Closed' },
  stageNow: { sv: '(nu)', en: '(now)' },
  caseHistory: { sv: 'Vad har hänt', en: 'What has happened' },
  evReceived: { sv: 'Ärendet togs emot', en: 'The case was received' },
  evHandling: { sv: 'Handläggningen började', en: 'Handling started' },
  evSupplementRequested: { sv: 'Kommunen bad dig komplettera', en: 'The municipality asked you for more information' },
  evSupplementReceived: { sv: 'Din komplettering togs emot', en: 'Your additional information was received' },
  evDecided: { sv: 'Beslut fattades', en: 'A decision was made' },
  evClosed: { sv: 'Ärendet avslutades', en: 'The case was closed' },
  evReopened: { sv: 'Ärendet öppnades igen', en: 'The case was reopened' },
  messages: { sv: 'Meddelanden', en: 'Messages' },
  fromServicecenter: { sv: 'Från servicecenter', en: 'From the service centre' },
  fromYou: { sv: 'Från dig', en: 'From you' },
  supplementRequest: { sv: 'Vi behöver fler uppgifter från dig', en: 'We need more information from you' },
  supplementDue: { sv: 'Svara senast {date}.', en: 'Reply by {date}.' },
  decisionApproved: { sv: 'Beslut: beviljad', en: 'Decision: granted' },
  decisionDenied: { sv: 'Beslut: avslag', en: 'Decision: refused' },
  attachments: { sv: 'Bifogade filer', en: 'Attached files' },
  toMyPages: { sv: 'Till Mina sidor', en: 'To My pages' },
  caseOf: { sv: 'Ärende {number}', en: 'Matter {number}' },
  // Case handling (issue 5) on Mina sidor.
  supplementAnswer: { sv: 'Svara och komplettera', en: 'Answer and add information' },
  decisionLetter: { sv: 'Läs beslutet (PDF)', en: 'Read the decision (PDF)' },
} satisfies Record<string, Text>

export type UiKey = keyof typeof UI


type RootData = { locale: Locale }

export function useLocale(): Locale {
  return (useRouteLoaderData('root') as RootData | undefined)?.locale ?? 'sv'
}

type Vars = Record<string, string | number>

/**
 * A translator over one table of texts in both languages: `translate(locale, key, vars)` anywhere, and
 * `useT()` for the current page's language. The portal's texts are one table, the kiosk's another.
 */
export function textTable<K extends string>(table: Record<K, Text>) {
  const translate = (locale: Locale, key: K, vars?: Vars): string => {
    const s = t(table[key], locale)
    return vars ? fill(s, vars) : s
  }
  const useT = () => {
    const locale = useLocale()
    return (key: K, vars?: Vars) => translate(locale, key, vars)
  }
  return { translate, useT }
}

export const { translate, useT } = textTable(UI)
