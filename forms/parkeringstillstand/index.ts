import { defineForm } from '../kit/index.ts'
import { MAX_MB, PHOTO_TYPES, applicantPage, applyingForPage, documentSlot, privacyAck, truthful } from '../common/index.ts'
import { PHONE_REQUIRED, YES_NO_UNKNOWN, emailField, phoneField, registeredAddressField, registeredAddressOutsideFlag } from '../common/fields.ts'

const passenger = { field: 'permitFor', equals: 'passenger' } as const

/**
 * Parkeringstillstånd för rörelsehindrade (TrF 13 kap. 8 §, docs/domain.md §2). The traffic department decides;
 * the servicecenter prepares (ROSA 3). The medical certificate must be at most 90 days old when sent, which
 * is a completeness rule (a date bound), not an eligibility flag. Photo and signature may follow later.
 */
export const parkeringstillstand = defineForm({
  id: 'parkeringstillstand',
  version: 1,
  title: { sv: 'Ansök om parkeringstillstånd för rörelsehindrade', en: 'Apply for a disabled parking permit' },
  description: {
    sv: 'För dig som har svårt att gå och behöver parkera nära målet, som förare eller passagerare.',
    en: 'For people who find walking very difficult and need to park close to where they are going, as a driver or a passenger.',
  },
  caseNumberPrefix: 'PARK',
  identification: 'bankid',
  sign: true,
  routing: { team: 'trafik', department: 'samhallsbyggnad' },
  // The applicant (whom the permit is for), never the diagnosis or the certificate.
  summary: { fields: ['applicantName'] },
  // Appeals go to länsstyrelsen (docs/domain.md §2). (confirm locally)
  decision: {
    byServicecenter: false, appealable: true,
    matter: { sv: 'parkeringstillstånd för rörelsehindrade', en: 'a disabled parking permit' },
    legalGround: {
      sv: 'Beslutet är fattat enligt 13 kap. 8 § trafikförordningen (1998:1276), som säger när kommunen får ge parkeringstillstånd till den som har ett varaktigt funktionshinder som gör det väsentligt svårt att förflytta sig på egen hand.',
      en: 'The decision is made under Chapter 13, Section 8 of the Traffic Ordinance (1998:1276), which says when the municipality may grant a parking permit to someone whose lasting disability makes it substantially hard to move about on their own.',
    },
    appealRoute: {
      sv: 'Länsstyrelsen prövar överklagandet.',
      en: 'The county administrative board (länsstyrelsen) reviews the appeal.',
    },
  },
  // The person the permit is for, not an ombud; the permit and letters go to their registered address.
  roles: { applicantName: 'applicantName', applicantPnr: 'applicantPnr', email: 'email', phone: 'phone', address: 'address' },
  // About six weeks (Kiruna, docs/domain.md §2).
  handlingDays: 42,
  afterReceipt: {
    sv: 'En handläggare går igenom ansökan och läkarintyget. Du får ett beslut inom {days} dagar. Vi hör av oss om vi behöver fler uppgifter från dig.',
    en: 'A case officer reviews the application and the medical certificate. You will get a decision within {days} days. We will contact you if we need more information from you.',
  },
  pages: [
    applyingForPage({
      sv: 'Du kan ansöka för någon annan, till exempel ditt barn, om du har en fullmakt eller är vårdnadshavare.',
      en: 'You can apply for someone else, such as your child, if you have a power of attorney or are their guardian.',
    }),
    applicantPage(),
    {
      id: 'kontakt',
      title: { sv: 'Adress och kontakt', en: 'Address and contact details' },
      fields: [
        registeredAddressField({ sv: 'Tillståndet skickas hit. Du söker i den kommun där du är folkbokförd.', en: 'The permit is sent here. You apply in the municipality where you are registered.' }),
        phoneField({ required: PHONE_REQUIRED }),
        emailField(),
      ],
    },
    {
      id: 'tillstand',
      title: { sv: 'Tillståndet', en: 'The permit' },
      fields: [
        {
          id: 'permitFor', kind: 'choice',
          label: { sv: 'Ska tillståndet gälla när du kör eller när du åker med?', en: 'Is the permit for when you drive or when you are a passenger?' },
          options: [
            { value: 'driver', label: { sv: 'När jag kör själv (förare)', en: 'When I drive (driver)' } },
            { value: 'passenger', label: { sv: 'När jag åker med (passagerare)', en: 'When I am a passenger' },
              hint: { sv: 'För dig som behöver förarens hjälp utanför bilen.', en: 'For people who need the driver’s help outside the car.' } },
          ],
          errors: { required: { sv: 'Välj förare eller passagerare', en: 'Select driver or passenger' } },
        },
        {
          id: 'passengerReason', kind: 'textarea', visibleWhen: passenger, minLength: 50, maxLength: 2000, rows: 5,
          label: { sv: 'Varför kan du inte vänta ensam medan föraren parkerar?', en: 'Why can you not wait alone while the driver parks?' },
          errors: {
            required: { sv: 'Beskriv varför du inte kan vänta ensam medan föraren parkerar', en: 'Describe why you cannot wait alone while the driver parks' },
            tooShort: { sv: 'Beskrivningen är för kort. Beskriv med minst {min} tecken varför du inte kan vänta ensam', en: 'The description is too short. Describe in at least {min} characters why you cannot wait alone' },
            tooLong: { sv: 'Beskrivningen är för lång. Skriv högst {max} tecken', en: 'The description is too long. Write {max} characters or fewer' },
          },
        },
        {
          id: 'applicationType', kind: 'choice',
          label: { sv: 'Är det en ny ansökan eller en förnyelse?', en: 'Is this a new application or a renewal?' },
          options: [
            { value: 'new', label: { sv: 'Ny ansökan', en: 'New application' } },
            { value: 'renewal', label: { sv: 'Förnyelse av ett tillstånd jag har', en: 'Renewal of a permit I have' } },
          ],
          errors: { required: { sv: 'Välj ny ansökan eller förnyelse', en: 'Select a new application or a renewal' } },
        },
        {
          id: 'oldPermitNumber', kind: 'text', maxLength: 30, visibleWhen: { field: 'applicationType', equals: 'renewal' },
          label: { sv: 'Nummer på ditt nuvarande tillstånd', en: 'Number of your current permit' },
          hint: { sv: 'Står på kortet.', en: 'It is on the card.' },
          errors: {
            required: { sv: 'Numret saknas. Fyll i numret som står på ditt nuvarande kort', en: 'The number is missing. Enter the number on your current card' },
            tooLong: { sv: 'Numret är för långt. Skriv högst {max} tecken', en: 'The number is too long. Write {max} characters or fewer' },
          },
        },
        {
          id: 'lasting', kind: 'choice',
          label: { sv: 'Beräknas svårigheterna att gå vara i minst sex månader?', en: 'Are the walking difficulties expected to last at least six months?' },
          options: YES_NO_UNKNOWN,
          errors: { required: { sv: 'Välj hur länge svårigheterna beräknas vara', en: 'Select how long the difficulties are expected to last' } },
        },
        {
          id: 'validity', kind: 'choice',
          label: { sv: 'Hur länge vill du att tillståndet ska gälla?', en: 'How long do you want the permit to be valid?' },
          hint: { sv: 'Högst fem år. Kommunen beslutar utifrån läkarintyget.', en: 'Five years at most. The municipality decides based on the medical certificate.' },
          options: [
            { value: '6m', label: { sv: 'Sex månader', en: 'Six months' } },
            { value: '1y', label: { sv: 'Ett år', en: 'One year' } },
            { value: '2y', label: { sv: 'Två år', en: 'Two years' } },
            { value: '3y', label: { sv: 'Tre år', en: 'Three years' } },
            { value: '4y', label: { sv: 'Fyra år', en: 'Four years' } },
            { value: '5y', label: { sv: 'Fem år', en: 'Five years' } },
          ],
          errors: { required: { sv: 'Välj hur länge tillståndet ska gälla', en: 'Select how long the permit should be valid' } },
        },
      ],
    },
    {
      id: 'lakarintyg',
      title: { sv: 'Läkarintyg', en: 'Medical certificate' },
      intro: {
        sv: 'Intyget ska beskriva diagnos, hur länge funktionsnedsättningen väntas vara, hur långt du kan gå med hjälpmedel och hur ofta du behöver vila. Det får vara högst 90 dagar gammalt när du skickar ansökan.',
        en: 'The certificate must describe the diagnosis, how long the impairment is expected to last, how far you can walk with aids and how often you need to rest. It may be at most 90 days old when you send the application.',
      },
      fields: [
        documentSlot('certificate',
          { sv: 'Läkarintyg', en: 'Medical certificate' },
          { sv: 'Styrker funktionsnedsättningen och hur den påverkar förmågan att förflytta sig', en: 'Shows the impairment and how it affects walking' },
          { sv: 'Läkarintyget saknas. Bifoga intyget från din läkare', en: 'The medical certificate is missing. Attach the certificate from your doctor' },
          // A diagnosis: only those who handle the case may open it (services/cases/sensitive.ts).
          { maxFiles: 3, sensitive: 'health' }),
        {
          id: 'certificateDate', kind: 'date', minDaysFromToday: -90, maxDaysFromToday: 0,
          label: { sv: 'Datum då intyget skrevs', en: 'Date the certificate was issued' },
          errors: {
            required: { sv: 'Datumet saknas. Fyll i dagen då läkaren skrev intyget', en: 'The date is missing. Enter the day the doctor wrote the certificate' },
            tooEarly: { sv: 'Läkarintyget får vara högst 90 dagar gammalt. Be om ett nytt intyg, utfärdat {min} eller senare', en: 'The medical certificate may be at most 90 days old. Ask for a new one, issued on {min} or later' },
            tooLate: { sv: 'Datumet kan inte vara senare än i dag. Kontrollera datumet på intyget', en: 'The date cannot be later than today. Check the date on the certificate' },
            invalid: { sv: 'Datumet finns inte. Kontrollera dag, månad och år på intyget', en: 'That date does not exist. Check the day, month and year on the certificate' },
          },
        },
        {
          id: 'doctorNotRelative', kind: 'checkbox',
          label: { sv: 'Läkaren som skrev intyget är inte släkt med mig', en: 'The doctor who wrote the certificate is not related to me' },
          errors: { required: { sv: 'Bekräfta att läkaren inte är släkt med dig', en: 'Confirm that the doctor is not related to you' } },
        },
      ],
    },
    {
      id: 'foto',
      title: { sv: 'Foto och namnteckning', en: 'Photo and signature' },
      intro: {
        sv: 'Fotot och namnteckningen trycks på kortet. Du kan lämna dem senare, men de behövs innan kortet kan tillverkas.',
        en: 'The photo and the signature are printed on the card. You can hand them in later, but they are needed before the card can be made.',
      },
      fields: [
        {
          id: 'photo', kind: 'file', accept: PHOTO_TYPES, maxSizeMb: MAX_MB, maxFiles: 1, laterField: 'photoLater',
          label: { sv: 'Foto', en: 'Photo' },
          hint: { sv: 'Ett porträtt som i ett pass: ansiktet rakt framifrån mot ljus bakgrund. JPEG, PNG eller HEIC.', en: 'A passport-style portrait: face straight on against a light background. JPEG, PNG or HEIC.' },
          purpose: { sv: 'Trycks på parkeringskortet', en: 'Printed on the parking card' },
          errors: { required: { sv: 'Bifoga ett foto eller kryssa i att du lämnar det senare', en: 'Attach a photo or tick that you will hand it in later' } },
        },
        { id: 'photoLater', kind: 'checkbox', optional: true, label: { sv: 'Jag lämnar fotot senare', en: 'I will hand in the photo later' } },
        {
          id: 'signatureImage', kind: 'file', accept: PHOTO_TYPES, maxSizeMb: MAX_MB, maxFiles: 1, laterField: 'signatureLater',
          label: { sv: 'Namnteckning', en: 'Signature' },
          hint: { sv: 'Skriv ditt namn med svart penna på vitt papper och fotografera det.', en: 'Sign your name in black pen on white paper and take a photo of it.' },
          purpose: { sv: 'Trycks på parkeringskortet', en: 'Printed on the parking card' },
          errors: { required: { sv: 'Bifoga din namnteckning eller kryssa i att du lämnar den senare', en: 'Attach your signature or tick that you will hand it in later' } },
        },
        {
          id: 'signatureLater', kind: 'checkbox', optional: true,
          label: { sv: 'Jag lämnar namnteckningen senare', en: 'I will hand in the signature later' },
          hint: { sv: 'Kan du inte skriva ditt namn kan du få undantag. Skriv det i så fall till oss när vi hör av oss.', en: 'If you cannot sign your name you can be exempted. Tell us so when we contact you.' },
        },
      ],
    },
    {
      id: 'bekrafta',
      title: { sv: 'Bekräfta', en: 'Confirm' },
      fields: [truthful, privacyAck],
    },
  ],
  flags: [
    {
      id: 'notLasting',
      when: { field: 'lasting', equals: 'no' },
      reason: { sv: 'Svårigheterna väntas vara kortare än sex månader', en: 'The difficulties are expected to last less than six months' },
      // "Vet inte" is not a "no" either: the sentence holds for both other answers.
      clear: { sv: 'Sökanden har inte angett att svårigheterna väntas vara kortare än sex månader', en: 'The applicant has not said that the difficulties will last less than six months' },
      citizen: {
        sv: 'Tillstånd ges normalt bara när svårigheterna väntas vara minst sex månader. Vi tar emot ansökan och prövar den utifrån läkarintyget.',
        en: 'Permits are normally given only when the difficulties are expected to last at least six months. We will receive the application and assess it based on the medical certificate.',
      },
    },
    {
      id: 'photoMissing',
      when: { field: 'photoLater', equals: true },
      reason: { sv: 'Fotot lämnas senare och behövs innan kortet tillverkas', en: 'The photo comes later and is needed before the card is made' },
      clear: { sv: 'Fotot är bifogat', en: 'The photo is attached' },
      citizen: { sv: 'Skicka in fotot så snart du kan. Kortet kan inte tillverkas utan det.', en: 'Send the photo as soon as you can. The card cannot be made without it.' },
    },
    {
      id: 'signatureMissing',
      when: { field: 'signatureLater', equals: true },
      reason: { sv: 'Namnteckningen lämnas senare och behövs innan kortet tillverkas, om inte sökanden får undantag', en: 'The signature comes later and is needed before the card is made, unless the applicant is exempted' },
      clear: { sv: 'Namnteckningen är bifogad', en: 'The signature is attached' },
      citizen: { sv: 'Skicka in namnteckningen så snart du kan, eller berätta om du behöver undantag.', en: 'Send the signature as soon as you can, or tell us if you need an exemption.' },
    },
    registeredAddressOutsideFlag({
      sv: 'Adressen verkar ligga utanför kommunen. Du ansöker i den kommun där du är folkbokförd. Vi kontrollerar och hör av oss.',
      en: 'The address seems to be outside the municipality. You apply where you are registered. We will check and contact you.',
    }),
  ],
  checks: [
    { id: 'certificateContent', label: { sv: 'Intyget beskriver diagnos, varaktighet, gångsträcka med hjälpmedel, vilobehov och (för passagerare) tillsynsbehov', en: 'The certificate covers diagnosis, duration, walking distance with aids, rests and (for passengers) supervision' } },
    { id: 'doctorNotRelative', label: { sv: 'Intygsskrivande läkare är inte anhörig', en: 'The certifying doctor is not a relative' } },
    { id: 'registered', label: { sv: 'Folkbokförd i kommunen', en: 'Registered as living in the municipality' } },
    { id: 'photoAndSignature', label: { sv: 'Foto och namnteckning finns innan kortet tillverkas', en: 'Photo and signature are in before the card is made' } },
    { id: 'oldPermit', label: { sv: 'Vid förnyelse: det gamla tillståndet är kontrollerat', en: 'For a renewal: the old permit has been checked' } },
  ],
})
