import { defineForm, type Option } from '../kit/index.ts'
import { withTranslations } from '../kit/translations.ts'
import { addressField, emailField, nameField, phoneField } from '../common/fields.ts'
import ar from './ar.json' with { type: 'json' }
import fi from './fi.json' with { type: 'json' }

// Categories from docs/domain.md §4; waste and water go to their own principals, which staff forward to.
const categories: Option[] = [
  { value: 'gatubelysning', label: { sv: 'Gatubelysning', en: 'Street lighting' } },
  { value: 'gata', label: { sv: 'Gata eller potthål', en: 'Road or pothole' } },
  { value: 'gang-cykelvag', label: { sv: 'Gång- och cykelväg', en: 'Footpath or cycle path' } },
  { value: 'snorojning', label: { sv: 'Snöröjning eller halka', en: 'Snow clearance or ice' } },
  { value: 'klotter', label: { sv: 'Klotter', en: 'Graffiti' } },
  { value: 'skylt', label: { sv: 'Skylt eller trafiksignal', en: 'Sign or traffic signal' } },
  { value: 'park', label: { sv: 'Park eller träd', en: 'Park or tree' } },
  { value: 'lekplats', label: { sv: 'Lekplats', en: 'Playground' } },
  { value: 'nedskrapning', label: { sv: 'Nedskräpning', en: 'Litter' } },
  { value: 'avfall', label: { sv: 'Avfall och sophämtning', en: 'Waste and bin collection' } },
  { value: 'vatten-avlopp', label: { sv: 'Vatten och avlopp', en: 'Water and sewage' } },
  { value: 'ovrigt', label: { sv: 'Övrigt', en: 'Something else' } },
]

// Finnish and Arabic from this folder's files, one per language (ADR 050); Swedish here is the reference.
export const felanmalan = withTranslations(defineForm({
  id: 'felanmalan',
  version: 2,
  title: { sv: 'Felanmälan', en: 'Report a fault' },
  description: {
    sv: 'Anmäl fel på gator, belysning, parker, lekplatser och annat i kommunens offentliga miljö.',
    en: 'Report faults in streets, lighting, parks, playgrounds and other public places.',
  },
  caseNumberPrefix: 'FEL',
  identification: 'none',
  sign: false,
  routing: { team: 'teknik', department: 'samhallsbyggnad' },
  handlingDays: 10,
  afterReceipt: {
    sv: 'Servicecenter går igenom din anmälan inom {days} dagar och skickar den till dem som ska åtgärda felet. Har du lämnat kontaktuppgifter får du besked när något händer med ärendet.',
    en: 'The service centre reviews your report within {days} days and passes it on to those who are to fix the fault. If you gave your contact details, we will tell you when something happens with the case.',
  },
  // The reporter, when they gave contact details; `address` is the fault's place, so no letter goes there.
  roles: { applicantName: 'name', email: 'email', phone: 'phone' },
  // The queue's line: what and where, so staff spot duplicates and group work by place.
  summary: { fields: ['category', 'address', 'placeDetails', 'point'] },
  // What the servicecenter checks by hand (docs/domain.md §4): some places belong to others, who get the report instead.
  checks: [
    {
      id: 'ansvar',
      label: { sv: 'Platsen är kommunens ansvar (inte Trafikverket, SL eller Vattenfall)', en: 'The place is the municipality’s responsibility' },
    },
  ],
  pages: [
    {
      id: 'kategori',
      title: { sv: 'Vad gäller felet?', en: 'What is the fault about?' },
      notice: {
        tone: 'warning',
        title: { sv: 'Akut fara?', en: 'Immediate danger?' },
        body: {
          sv: 'Ring 112 vid fara för liv. Akuta fel, till exempel ett nedfallet träd eller en saknad brunnslucka, ska du ringa in: {phone} dagtid, {afterHoursPhone} övrig tid.',
          en: 'Call 112 if life is in danger. Urgent faults, such as a fallen tree or a missing manhole cover, should be phoned in: {phone} in the daytime, {afterHoursPhone} at other times.',
        },
      },
      fields: [
        {
          id: 'category', kind: 'choice', options: categories,
          label: { sv: 'Kategori', en: 'Category' },
          errors: { required: { sv: 'Välj vad felet gäller', en: 'Select what the fault is about' } },
        },
      ],
    },
    {
      id: 'plats',
      title: { sv: 'Var är felet?', en: 'Where is the fault?' },
      fields: [
        // A fault's place, not the reporter's home: the browser must not offer the saved home address.
        addressField({ place: true, label: { sv: 'Adress', en: 'Address' }, hint: { sv: 'Närmaste adress där felet finns.', en: 'The nearest address to the fault.' } }),
        {
          id: 'placeDetails', kind: 'text', optional: true, maxLength: 200,
          label: { sv: 'Beskrivning av platsen', en: 'Description of the place' },
          hint: {
            sv: 'Till exempel "vid busshållplatsen Tyresö centrum" eller "lyktstolpe nr 12". Om du inte vet adressen räcker en beskrivning.',
            en: 'For example "by the Tyresö centrum bus stop" or "lamp post no. 12". If you do not know the address, a description is enough.',
          },
          errors: { tooLong: { sv: 'Beskrivningen av platsen är för lång. Skriv högst {max} tecken', en: 'The description of the place is too long. Write {max} characters or fewer' } },
        },
        {
          // Only with JavaScript and a map in the profile; the address or description is always enough (ADR 036).
          id: 'point', kind: 'mappoint', input: 'map', optional: true, withinMunicipality: true,
          label: { sv: 'Plats på kartan', en: 'Place on the map' },
          hint: {
            sv: 'Tryck på kartan där felet finns. Du kan också bara skriva adressen eller beskriva platsen.',
            en: 'Tap the map where the fault is. You can also just enter the address or describe the place.',
          },
          errors: {
            invalid: { sv: 'Platsen på kartan kunde inte läsas. Tryck på kartan igen', en: 'The place on the map could not be read. Tap the map again' },
            outside: { sv: 'Platsen på kartan ligger utanför kommunen. Tryck på en plats inom kommunen', en: 'The place on the map is outside the municipality. Tap a place inside the municipality' },
          },
        },
      ],
      // One of the three is enough: the server judges this rule for every post, with or without the map.
      rules: [
        {
          kind: 'atLeastOne', fields: ['address', 'placeDetails', 'point'], target: 'address',
          message: {
            sv: 'Skriv adressen eller beskriv platsen där felet finns',
            en: 'Enter the address or describe the place where the fault is',
          },
        },
      ],
    },
    {
      id: 'beskrivning',
      title: { sv: 'Beskriv felet', en: 'Describe the fault' },
      fields: [
        {
          id: 'description', kind: 'textarea', minLength: 10, maxLength: 2000, rows: 6,
          label: { sv: 'Beskrivning', en: 'Description' },
          hint: { sv: 'Vad är fel och sedan när? Skriv inga personuppgifter om andra.', en: 'What is wrong and since when? Do not write personal details about others.' },
          errors: {
            required: { sv: 'Beskriv felet', en: 'Describe the fault' },
            tooShort: { sv: 'Beskrivningen är för kort. Beskriv felet med minst {min} tecken', en: 'The description is too short. Describe the fault in at least {min} characters' },
            tooLong: { sv: 'Beskrivningen är för lång. Skriv högst {max} tecken', en: 'The description is too long. Write {max} characters or fewer' },
          },
        },
        {
          id: 'photos', kind: 'file', optional: true, maxFiles: 3, maxSizeMb: 10,
          accept: ['image/jpeg', 'image/png', 'image/webp', 'image/heic'],
          keepMetadataField: 'keepPhotoLocation',
          label: { sv: 'Foton', en: 'Photos' },
          errors: { tooMany: { sv: 'Du kan bifoga högst 3 bilder. Ta bort någon av dem', en: 'You can attach at most 3 pictures. Remove one of them' } },
        },
        {
          id: 'keepPhotoLocation', kind: 'checkbox', optional: true,
          label: { sv: 'Behåll platsinformationen i bilderna', en: 'Keep the location information in the pictures' },
          hint: {
            sv: 'Annars tar vi bort platsinformation och annan dold information ur bilderna innan de sparas.',
            en: 'Otherwise we remove location and other hidden information from the pictures before saving them.',
          },
        },
      ],
    },
    {
      id: 'kontakt',
      title: { sv: 'Kontaktuppgifter', en: 'Contact details' },
      intro: {
        sv: 'Du kan vara anonym. Lämna kontaktuppgifter om du vill att vi hör av oss.',
        en: 'You can stay anonymous. Leave contact details if you want us to get back to you.',
      },
      fields: [
        { id: 'wantsFeedback', kind: 'checkbox', optional: true, label: { sv: 'Jag vill ha återkoppling', en: 'I want feedback' } },
        nameField(),
        emailField(),
        phoneField(),
      ],
      rules: [
        {
          kind: 'atLeastOne', fields: ['email', 'phone'], target: 'email',
          when: { field: 'wantsFeedback', equals: true },
          message: {
            sv: 'Fyll i e-post eller telefon så att vi kan ge dig återkoppling',
            en: 'Enter an email address or phone number so that we can get back to you',
          },
        },
      ],
    },
  ],
}), { fi, ar })
