import { defineForm, type Option } from '../kit/index.ts'
import { addressField, addressOutsideFlag, emailField, nameField, phoneField } from '../common/fields.ts'

const chosen = (service: string) => ({ field: 'services', includes: service }) as const

const services: Option[] = [
  { value: 'welcome', label: { sv: 'Välkomstpaket med information om kommunen', en: 'A welcome pack with information about the municipality' } },
  { value: 'library', label: { sv: 'Lånekort på biblioteket', en: 'A library card' },
    hint: { sv: 'Biblioteket hör av sig. Du hämtar kortet med legitimation.', en: 'The library will contact you. You collect the card with ID.' } },
  { value: 'preschool', label: { sv: 'Förskola eller fritidshem', en: 'Preschool or after-school care' },
    hint: { sv: 'Vi kontaktar dig om hur du ansöker om plats.', en: 'We will contact you about how to apply for a place.' } },
  { value: 'waste', label: { sv: 'Abonnemang för sophämtning', en: 'A waste collection subscription' } },
  { value: 'leisure', label: { sv: 'Föreningar och fritidsaktiviteter', en: 'Associations and leisure activities' } },
]

// Official minority languages first after Swedish and English (lag 2009:724), then widely spoken ones.
// Each language's own name carries its language tag (and direction) so screen readers read it in that language.
const languages: Option[] = [
  { value: 'sv', label: { sv: 'Svenska', en: 'Swedish' }, native: { text: 'svenska', lang: 'sv' } },
  { value: 'en', label: { sv: 'Engelska', en: 'English' }, native: { text: 'English', lang: 'en' } },
  { value: 'fi', label: { sv: 'Finska', en: 'Finnish' }, native: { text: 'suomi', lang: 'fi' } },
  { value: 'fit', label: { sv: 'Meänkieli', en: 'Meänkieli' }, lang: 'fit' },
  { value: 'smi', label: { sv: 'Samiska', en: 'Sami' }, native: { text: 'sámegiella', lang: 'se' } },
  { value: 'rom', label: { sv: 'Romani chib', en: 'Romani chib' }, lang: 'rom' },
  { value: 'yi', label: { sv: 'Jiddisch', en: 'Yiddish' }, native: { text: 'ייִדיש', lang: 'yi', dir: 'rtl' } },
  { value: 'ar', label: { sv: 'Arabiska', en: 'Arabic' }, native: { text: 'العربية', lang: 'ar', dir: 'rtl' } },
  { value: 'fa', label: { sv: 'Persiska', en: 'Persian' }, native: { text: 'فارسی', lang: 'fa', dir: 'rtl' } },
  { value: 'so', label: { sv: 'Somaliska', en: 'Somali' }, native: { text: 'Soomaali', lang: 'so' } },
  { value: 'uk', label: { sv: 'Ukrainska', en: 'Ukrainian' }, native: { text: 'українська', lang: 'uk' } },
  { value: 'pl', label: { sv: 'Polska', en: 'Polish' }, native: { text: 'polski', lang: 'pl' } },
]

/**
 * "Beställ välkomstinfo" for newcomers (docs/domain.md §5): no login and no personnummer. Consent is the legal
 * basis (art. 6.1 a). One request fans out: `fanOut` lists a sub-case per chosen service with its team
 * and department. Folkbokföring is Skatteverket's, which the first page says plainly.
 */
export const nyinflyttad = defineForm({
  id: 'nyinflyttad',
  version: 1,
  title: { sv: 'Ny i kommunen', en: 'New in the municipality' },
  description: {
    sv: 'Beställ välkomstpaket, lånekort och information om förskola, sophämtning och fritid på en gång.',
    en: 'Order a welcome pack, a library card and information about preschool, waste collection and leisure in one go.',
  },
  caseNumberPrefix: 'NY',
  identification: 'none',
  sign: false,
  routing: { team: 'servicecenter' },
  // The newcomer, who gets the information by e-mail; the welcome pack goes to the new address.
  roles: { applicantName: 'name', email: 'email', phone: 'phone', address: 'address' },
  summary: { fields: ['name'] },
  // What the citizen asked for is a service the municipality offers everyone who moves here, ordered rather than
  // applied for: each sub-case's letter names its own part (`matter` on the fan-out entries). (confirm locally)
  decision: {
    byServicecenter: true, appealable: false,
    matter: { sv: 'välkomstinformation', en: 'welcome information' },
    outcome: {
      approved: { sv: 'Din beställning av {matter} godkänns.', en: 'Your request for {matter} is approved.' },
      denied: { sv: 'Din beställning av {matter} kan inte godkännas.', en: 'Your request for {matter} cannot be approved.' },
    },
    legalGround: {
      sv: 'Kommunen ger den här servicen till alla som flyttar hit. Vi använder dina uppgifter med ditt samtycke och bara för att skicka det du har beställt.',
      en: 'The municipality offers this service to everyone who moves here. We use your details with your consent and only to send what you ordered.',
    },
    appealRoute: {
      sv: 'Beslutet gäller en service som kommunen ger frivilligt och kan inte överklagas. Du kan beställa igen eller ringa servicecenter om du vill ha något annat. Plats i förskola eller fritidshem ansöker du om för sig, och det beslutet kan överklagas.',
      en: 'The decision concerns a service the municipality offers voluntarily and cannot be appealed. You can order again, or call the service centre if you would like something else. A place in preschool or after-school care is applied for separately, and that decision can be appealed.',
    },
  },
  handlingDays: 10,
  afterReceipt: {
    sv: 'Varje del av din beställning går till dem som ansvarar för den. De skickar det du har beställt eller hör av sig inom {days} dagar.',
    en: 'Each part of your request goes to those responsible for it. They will send what you ordered or contact you within {days} days.',
  },
  pages: [
    {
      id: 'tjanster',
      title: { sv: 'Vad vill du ha?', en: 'What would you like?' },
      notice: {
        tone: 'info',
        title: { sv: 'Flyttanmälan gör du hos Skatteverket', en: 'Report your move to Skatteverket' },
        body: {
          sv: 'Kommunen kan inte ta emot flyttanmälan. Anmäl flytten till Skatteverket på skatteverket.se inom en vecka. Flyttar du hit från utlandet behöver du besöka Skatteverket.',
          en: 'The municipality cannot take your notification of change of address. Report the move to the Swedish Tax Agency at skatteverket.se within a week. If you are moving here from abroad, you need to visit the Tax Agency.',
        },
        link: {
          href: 'https://www.skatteverket.se/privat/folkbokforing',
          text: { sv: 'Anmäl flytt hos Skatteverket (skatteverket.se)', en: 'Report your move to the Swedish Tax Agency (skatteverket.se)' },
        },
      },
      fields: [{
        id: 'services', kind: 'multichoice', options: services,
        label: { sv: 'Välj det du vill ha', en: 'Select what you would like' },
        hint: { sv: 'Välj så många du vill.', en: 'Select as many as you like.' },
        errors: { required: { sv: 'Välj minst en sak du vill ha', en: 'Select at least one thing you would like' } },
      }],
    },
    {
      id: 'forskola',
      title: { sv: 'Förskola eller fritidshem', en: 'Preschool or after-school care' },
      visibleWhen: chosen('preschool'),
      fields: [
        { id: 'preschoolChildren', kind: 'number', integer: true, min: 1, max: 10, label: { sv: 'Hur många barn gäller det?', en: 'How many children is it for?' },
          errors: {
            required: { sv: 'Antalet barn saknas. Skriv hur många barn det gäller', en: 'The number of children is missing. Enter how many children it is for' },
            invalid: { sv: 'Skriv antalet barn med siffror, till exempel 2', en: 'Enter the number of children in digits, like 2' },
            notInteger: { sv: 'Skriv antalet barn som ett helt tal', en: 'Enter the number of children as a whole number' },
            tooSmall: { sv: 'Skriv minst {min} barn', en: 'Enter at least {min} child' },
            tooLarge: { sv: 'Du kan ange högst {max} barn här. Ring oss om ni är fler', en: 'You can enter at most {max} children here. Call us if there are more' },
          } },
        { id: 'preschoolStart', kind: 'date', optional: true, minDaysFromToday: 0, maxDaysFromToday: 365,
          label: { sv: 'När vill ni börja?', en: 'When would you like to start?' },
          errors: {
            tooEarly: { sv: 'Startdatumet har redan varit. Välj i dag eller ett senare datum', en: 'The start date has already passed. Choose today or a later date' },
            tooLate: { sv: 'Startdatumet är för långt fram. Välj ett datum inom ett år', en: 'The start date is too far ahead. Choose a date within a year' },
          } },
      ],
    },
    {
      id: 'om-dig',
      title: { sv: 'Om dig', en: 'About you' },
      fields: [
        nameField({ required: { sv: 'Namnet saknas. Fyll i ditt namn', en: 'Your name is missing. Enter your name' } }),
        addressField({ label: { sv: 'Din nya adress i kommunen', en: 'Your new address in the municipality' },
          required: { sv: 'Adressen saknas. Fyll i adressen du flyttar till', en: 'The address is missing. Enter the address you are moving to' } }),
        {
          id: 'moveInDate', kind: 'date', maxDaysFromToday: 90, minDaysFromToday: -365,
          label: { sv: 'Inflyttningsdatum', en: 'Moving-in date' },
          errors: {
            required: { sv: 'Datumet saknas. Fyll i dagen då du flyttar in', en: 'The date is missing. Enter the day you move in' },
            tooLate: { sv: 'Du kan beställa högst 90 dagar innan du flyttar in', en: 'You can order at most 90 days before you move in' },
            tooEarly: { sv: 'Inflyttningsdatumet kan vara högst ett år sedan', en: 'The moving-in date can be at most a year ago' },
          },
        },
        emailField({ hint: { sv: 'Vi skickar informationen hit.', en: 'We will send the information here.' },
          required: { sv: 'E-postadressen saknas. Fyll i den adress vi ska skicka informationen till', en: 'The email address is missing. Enter the address we should send the information to' } }),
        phoneField(),
        {
          id: 'language', kind: 'choice', options: languages,
          label: { sv: 'Vilket språk vill du ha informationen på?', en: 'Which language would you like the information in?' },
          hint: { sv: 'Vi skickar det vi har på ditt språk, annars på svenska eller engelska.', en: 'We send what we have in your language, otherwise in Swedish or English.' },
          errors: { required: { sv: 'Inget språk är valt. Välj det språk du vill läsa informationen på', en: 'No language is selected. Select the language you want to read the information in' } },
        },
      ],
    },
    {
      id: 'hushall',
      title: { sv: 'Ditt hushåll', en: 'Your household' },
      intro: { sv: 'Frivilligt. Det hjälper oss att skicka rätt information.', en: 'Optional. It helps us send the right information.' },
      fields: [
        { id: 'adults', kind: 'number', integer: true, min: 1, max: 20, optional: true, label: { sv: 'Antal vuxna', en: 'Number of adults' },
          errors: {
            invalid: { sv: 'Skriv antalet vuxna med siffror, till exempel 2', en: 'Enter the number of adults in digits, like 2' },
            notInteger: { sv: 'Skriv antalet vuxna som ett helt tal', en: 'Enter the number of adults as a whole number' },
            tooSmall: { sv: 'Skriv minst {min} vuxen, eller lämna rutan tom', en: 'Enter at least {min} adult, or leave the box empty' },
            tooLarge: { sv: 'Det är för många vuxna. Skriv högst {max}', en: 'There are too many adults. Enter {max} or fewer' },
          } },
        {
          id: 'children', kind: 'group', optional: true, max: 10, label: { sv: 'Barn i hushållet', en: 'Children in the household' },
          itemLabel: { sv: 'Barn {n}', en: 'Child {n}' }, addLabel: { sv: 'Lägg till fler barn', en: 'Add more children' },
          fields: [{ id: 'age', kind: 'number', integer: true, min: 0, max: 19, label: { sv: 'Ålder', en: 'Age' },
            errors: {
              required: { sv: 'Åldern saknas. Skriv hur gammalt barnet är', en: 'The age is missing. Enter how old the child is' },
              invalid: { sv: 'Skriv barnets ålder med siffror, till exempel 7', en: 'Enter the child’s age in digits, like 7' },
              notInteger: { sv: 'Skriv åldern i hela år', en: 'Enter the age in whole years' },
              tooSmall: { sv: 'Åldern kan inte vara mindre än {min}. Skriv {min} för ett barn under ett år', en: 'The age cannot be less than {min}. Enter {min} for a child under one' },
              tooLarge: { sv: 'Skriv bara barn som är {max} år eller yngre', en: 'Enter only children aged {max} or younger' },
            } }],
        },
        {
          id: 'interests', kind: 'multichoice', optional: true,
          label: { sv: 'Vad är du intresserad av?', en: 'What are you interested in?' },
          options: [
            { value: 'sport', label: { sv: 'Idrott och motion', en: 'Sport and exercise' } },
            { value: 'culture', label: { sv: 'Kultur, musik och teater', en: 'Culture, music and theatre' } },
            { value: 'nature', label: { sv: 'Natur och friluftsliv', en: 'Nature and outdoor life' } },
            { value: 'volunteering', label: { sv: 'Ideellt arbete och föreningsliv', en: 'Volunteering and associations' } },
            { value: 'swedish', label: { sv: 'Lära mig svenska', en: 'Learning Swedish' } },
          ],
        },
      ],
    },
    {
      id: 'samtycke',
      title: { sv: 'Samtycke', en: 'Consent' },
      fields: [{
        id: 'consent', kind: 'checkbox',
        label: { sv: 'Jag samtycker till att kommunen använder uppgifterna för att skicka det jag har valt', en: 'I consent to the municipality using these details to send what I have chosen' },
        hint: {
          sv: 'Uppgifterna går bara till de avdelningar som ska skicka det du valt och tas bort när det är gjort. Du kan när som helst ta tillbaka ditt samtycke.',
          en: 'The details go only to the departments that will send what you chose, and are deleted once that is done. You can withdraw your consent at any time.',
        },
        errors: { required: { sv: 'Du behöver samtycka för att vi ska kunna skicka informationen', en: 'You need to consent so that we can send the information' } },
      }],
    },
  ],
  flags: [
    addressOutsideFlag({
      reason: { sv: 'Adressen verkar ligga utanför kommunen', en: 'The address seems to be outside the municipality' },
      clear: { sv: 'Postnumret hör till kommunen', en: 'The postcode is in the municipality' },
      unknown: { sv: 'Det gick inte att avgöra automatiskt om adressen ligger i kommunen', en: 'It could not be judged automatically whether the address is in the municipality' },
    }),
  ],
  // Each team gets the contact details and consent, plus only the pages it needs (the consent's promise).
  fanOut: [
    { id: 'welcome', when: chosen('welcome'), team: 'servicecenter', title: { sv: 'Välkomstpaket', en: 'Welcome pack' },
      matter: { sv: 'ett välkomstpaket', en: 'a welcome pack' }, pages: ['om-dig', 'hushall', 'samtycke'] },
    { id: 'library', when: chosen('library'), team: 'bibliotek', department: 'kultur-fritid', title: { sv: 'Lånekort', en: 'Library card' },
      matter: { sv: 'ett lånekort', en: 'a library card' }, pages: ['om-dig', 'samtycke'] },
    { id: 'preschool', when: chosen('preschool'), team: 'forskola', department: 'barn-utbildning', title: { sv: 'Förskola eller fritidshem', en: 'Preschool or after-school care' },
      matter: { sv: 'information om förskola och fritidshem', en: 'information about preschool and after-school care' }, pages: ['forskola', 'om-dig', 'hushall', 'samtycke'] },
    { id: 'waste', when: chosen('waste'), team: 'avfall', department: 'samhallsbyggnad', title: { sv: 'Abonnemang för sophämtning', en: 'Waste collection subscription' },
      matter: { sv: 'ett abonnemang för sophämtning', en: 'a waste collection subscription' }, pages: ['om-dig', 'samtycke'] },
    { id: 'leisure', when: chosen('leisure'), team: 'forening', department: 'kultur-fritid', title: { sv: 'Föreningar och fritid', en: 'Associations and leisure' },
      matter: { sv: 'information om föreningar och fritid', en: 'information about associations and leisure' }, pages: ['om-dig', 'hushall', 'samtycke'] },
  ],
})
