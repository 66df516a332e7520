import { defineForm, type ItemField, type Text } from '../kit/index.ts'
import { documentSlot, privacyAck, truthful } from '../common/index.ts'
import { NAME_TOO_LONG, addressField, addressOutsideFlag } from '../common/fields.ts'

const grant = (value: 'aktivitet' | 'lokal' | 'start') => ({ field: 'grantType', equals: value }) as const
const withAccounts = { field: 'grantType', in: ['aktivitet', 'lokal'] }
const signedBy = (role: 'chair' | 'treasurer') => ({ field: 'signerRole', equals: role }) as const

/** `of` is the role in the genitive ("ordförandens", "the chair’s"), so each message names whose detail is missing. */
const person = (role: 'chair' | 'treasurer', name: Text, of: Text): ItemField[] => [
  { id: `${role}Name`, kind: 'text', maxLength: 100, label: { sv: `${name.sv}: namn`, en: `${name.en}: name` },
    errors: {
      required: { sv: `Namnet saknas. Fyll i ${of.sv} namn`, en: `The name is missing. Enter ${of.en} name` },
      tooLong: NAME_TOO_LONG,
    } },
  { id: `${role}Phone`, kind: 'phone', label: { sv: `${name.sv}: telefon`, en: `${name.en}: phone` },
    errors: { required: { sv: `Telefonnumret saknas. Fyll i ${of.sv} telefonnummer`, en: `The telephone number is missing. Enter ${of.en} telephone number` } } },
  { id: `${role}Email`, kind: 'email', label: { sv: `${name.sv}: e-post`, en: `${name.en}: email` },
    errors: { required: { sv: `E-postadressen saknas. Fyll i ${of.sv} e-postadress`, en: `The email address is missing. Enter ${of.en} email address` } } },
]

/** One LOK session (docs/domain.md §3): ≥ 60 minutes, ≥ 3 participants aged 7–20; at most 30 of them count. */
const session: ItemField[] = [
  { id: 'date', kind: 'date', maxDaysFromToday: 0, minDaysFromToday: -550, label: { sv: 'Datum', en: 'Date' },
    errors: {
      required: { sv: 'Datumet saknas. Fyll i dagen då sammankomsten var', en: 'The date is missing. Enter the day of the session' },
      tooLate: { sv: 'Datumet kan inte vara senare än i dag. Skriv dagen då sammankomsten var', en: 'The date cannot be later than today. Enter the day the session took place' },
      tooEarly: { sv: 'Sammankomsten är för gammal för att räknas. Välj {min} eller senare', en: 'The session is too long ago to count. Choose {min} or later' },
    } },
  { id: 'group', kind: 'text', maxLength: 100, label: { sv: 'Grupp eller lag', en: 'Group or team' },
    errors: {
      required: { sv: 'Gruppen saknas. Skriv vilken grupp eller vilket lag som träffades', en: 'The group is missing. Enter which group or team met' },
      tooLong: { sv: 'Namnet på gruppen är för långt. Skriv högst {max} tecken', en: 'The group name is too long. Write {max} characters or fewer' },
    } },
  { id: 'leader', kind: 'text', maxLength: 100, label: { sv: 'Ledare', en: 'Leader' },
    errors: {
      required: { sv: 'Ledaren saknas. Skriv namnet på den som ledde sammankomsten', en: 'The leader is missing. Enter the name of the person who led the session' },
      tooLong: { sv: 'Ledarens namn är för långt. Skriv högst {max} tecken', en: 'The leader’s name is too long. Write {max} characters or fewer' },
    } },
  { id: 'participants', kind: 'number', integer: true, min: 3, max: 500, label: { sv: 'Deltagare 7–20 år', en: 'Participants aged 7–20' },
    errors: {
      required: { sv: 'Antalet deltagare saknas. Skriv hur många som var 7–20 år', en: 'The number of participants is missing. Enter how many were aged 7–20' },
      invalid: { sv: 'Skriv antalet deltagare med siffror, till exempel 12', en: 'Enter the number of participants in digits, like 12' },
      notInteger: { sv: 'Skriv antalet deltagare som ett helt tal', en: 'Enter the number of participants as a whole number' },
      tooSmall: { sv: 'Minst {min} deltagare i åldern 7–20 år behövs för att sammankomsten ska räknas', en: 'At least {min} participants aged 7–20 are needed for the session to count' },
      tooLarge: { sv: 'Det är för många deltagare. Skriv högst {max}', en: 'There are too many participants. Enter {max} or fewer' },
    } },
  { id: 'minutes', kind: 'number', integer: true, min: 60, max: 1440, label: { sv: 'Längd i minuter', en: 'Length in minutes' },
    errors: {
      required: { sv: 'Längden saknas. Skriv hur många minuter sammankomsten var', en: 'The length is missing. Enter how many minutes the session lasted' },
      invalid: { sv: 'Skriv längden i minuter med siffror, till exempel 90', en: 'Enter the length in minutes in digits, like 90' },
      notInteger: { sv: 'Skriv längden som ett helt antal minuter', en: 'Enter the length as a whole number of minutes' },
      tooSmall: { sv: 'En sammankomst ska vara minst {min} minuter', en: 'A session must last at least {min} minutes' },
      tooLarge: { sv: 'En sammankomst kan vara högst ett dygn, {max} minuter', en: 'A session can last at most a day, {max} minutes' },
    } },
]

/** A member count's messages; `required` and `tooSmall` where the count has its own. */
const members = (required?: Text, tooSmall?: Text): Partial<Record<string, Text>> => ({
  ...(required ? { required } : {}),
  invalid: { sv: 'Skriv antalet med siffror, till exempel 25', en: 'Enter the number in digits, like 25' },
  notInteger: { sv: 'Skriv antalet som ett helt tal', en: 'Enter the number as a whole number' },
  tooSmall: tooSmall ?? { sv: 'Antalet kan inte vara mindre än {min}', en: 'The number cannot be less than {min}' },
  tooLarge: { sv: 'Antalet är för stort. Kontrollera siffrorna', en: 'The number is too large. Check the digits' },
})

/** For a count without a maximum: the same messages but the one about too large a number. */
const { tooLarge: _never, ...unbounded } = members()

const lateCitizen: Text = {
  sv: 'Ansökan kom in efter sista ansökningsdag. Vi tar emot den, och kultur- och fritidsförvaltningen avgör om den kan prövas.',
  en: 'The application arrived after the closing date. We will receive it, and the culture and leisure department decides whether it can be considered.',
}

/**
 * Föreningsbidrag and the yearly register update (docs/domain.md §3). Deadlines, the minimum number of members
 * living in the municipality and the minimum fee are the municipality's settings; missing them makes the
 * flags "unknown" rather than silently passing. The signer acts for the association as chair or treasurer.
 */
export const foreningsbidrag = defineForm({
  id: 'foreningsbidrag',
  version: 1,
  title: { sv: 'Ansök om föreningsbidrag', en: 'Apply for an association grant' },
  description: {
    sv: 'För föreningar i kommunen: aktivitetsbidrag, lokalbidrag och startbidrag. Ansökan uppdaterar också föreningsregistret.',
    en: 'For associations in the municipality: activity, premises and start-up grants. The application also updates the register of associations.',
  },
  caseNumberPrefix: 'FORB',
  identification: 'bankid',
  sign: true,
  routing: { team: 'forening', department: 'kultur-fritid' },
  register: 'associations',
  summary: { fields: ['associationName', 'grantType'] },
  // A discretionary grant: challenged by laglighetsprövning, not appealed (docs/domain.md §3). (confirm locally)
  decision: {
    byServicecenter: false, appealable: false,
    matter: { sv: 'föreningsbidrag', en: 'an association grant' },
    legalGround: {
      sv: 'Beslutet är fattat enligt kommunens regler för bidrag till föreningar, som kultur- och fritidsnämnden har antagit.',
      en: 'The decision is made under the municipality’s rules for grants to associations, adopted by the culture and leisure committee.',
    },
    appealRoute: {
      sv: 'Bidraget är frivilligt för kommunen, så beslutet kan inte överklagas i sak. Alla som bor i kommunen kan begära laglighetsprövning hos förvaltningsrätten enligt 13 kap. kommunallagen (2017:725) inom tre veckor från den dag då protokollet med beslutet sattes upp på kommunens anslagstavla.',
      en: 'The grant is discretionary, so the decision cannot be appealed on its merits. Anyone who lives in the municipality can ask the administrative court for a review of its legality under Chapter 13 of the Local Government Act (2017:725) within three weeks of the day the minutes with the decision were posted on the municipality’s notice board.',
    },
  },
  // The association applies (the register, letters to its postal address). Mail about the case goes to whoever
  // filed and signed it: the treasurer's own address when the treasurer signs, else the chair's, who leads the
  // association and answers for an application signed by someone else (ADR 040). The register records the
  // signer's role beside their name.
  roles: {
    associationName: 'associationName', associationOrgnr: 'orgnr', address: 'address', signerRole: 'signerRole',
    email: [{ field: 'treasurerEmail', when: signedBy('treasurer') }, { field: 'chairEmail' }],
    phone: [{ field: 'treasurerPhone', when: signedBy('treasurer') }, { field: 'chairPhone' }],
  },
  handlingDays: 30,
  afterReceipt: {
    sv: 'En handläggare för föreningsbidrag går igenom ansökan och föreningens uppgifter. Du får ett beslut inom {days} dagar. Vi hör av oss om vi behöver fler uppgifter från föreningen.',
    en: 'A case officer for association grants reviews the application and the association’s details. You will get a decision within {days} days. We will contact you if we need more information from the association.',
  },
  pages: [
    {
      id: 'forening',
      title: { sv: 'Föreningen', en: 'The association' },
      fields: [
        { id: 'associationName', kind: 'text', maxLength: 150, label: { sv: 'Föreningens namn', en: 'Name of the association' },
          errors: {
            required: { sv: 'Namnet saknas. Skriv föreningens namn som det står i stadgarna', en: 'The name is missing. Enter the association’s name as it is in the statutes' },
            tooLong: NAME_TOO_LONG,
          } },
        {
          id: 'orgnr', kind: 'orgnr', entityTypes: ['7', '8'],
          label: { sv: 'Organisationsnummer', en: 'Organisation number' },
          errors: {
            required: { sv: 'Organisationsnumret saknas. Fyll i föreningens organisationsnummer', en: 'The organisation number is missing. Enter the association’s organisation number' },
            wrongType: { sv: 'Numret hör inte till en förening. En förenings organisationsnummer börjar med 8 eller 7', en: 'The number does not belong to an association. An association’s organisation number starts with 8 or 7' },
          },
        },
        { id: 'seat', kind: 'text', maxLength: 100, label: { sv: 'Säte (kommun)', en: 'Registered seat (municipality)' },
          hint: { sv: 'Kommunen där föreningen har sitt säte enligt stadgarna.', en: 'The municipality where the association has its seat under its statutes.' },
          errors: {
            required: { sv: 'Sätet saknas. Skriv i vilken kommun föreningen har sitt säte', en: 'The seat is missing. Enter the municipality where the association has its seat' },
            tooLong: { sv: 'Namnet på kommunen är för långt. Skriv högst {max} tecken', en: 'The municipality name is too long. Write {max} characters or fewer' },
          } },
        addressField({ label: { sv: 'Föreningens postadress', en: 'Postal address of the association' },
          required: { sv: 'Adressen saknas. Fyll i den adress där föreningen tar emot post', en: 'The address is missing. Enter the address where the association gets its post' } }),
      ],
    },
    {
      id: 'styrelse',
      title: { sv: 'Ordförande och kassör', en: 'Chair and treasurer' },
      intro: { sv: 'Skriv inte personnummer.', en: 'Do not enter personal identity numbers.' },
      fields: [
        ...person('chair', { sv: 'Ordförande', en: 'Chair' }, { sv: 'ordförandens', en: 'the chair’s' }),
        ...person('treasurer', { sv: 'Kassör', en: 'Treasurer' }, { sv: 'kassörens', en: 'the treasurer’s' }),
      ],
    },
    {
      id: 'utbetalning',
      title: { sv: 'Utbetalning', en: 'Payment' },
      fields: [{
        id: 'payment', kind: 'giro',
        label: { sv: 'Bankgiro eller plusgiro', en: 'Bankgiro or plusgiro' },
        hint: { sv: 'Kontot ska tillhöra föreningen.', en: 'The account must belong to the association.' },
        errors: { required: { sv: 'Kontonumret saknas. Välj bankgiro eller plusgiro och fyll i föreningens nummer', en: 'The account number is missing. Select bankgiro or plusgiro and enter the association’s number' } },
      }],
    },
    {
      id: 'medlemmar',
      title: { sv: 'Medlemmar och årsmöte', en: 'Members and annual meeting' },
      intro: { sv: 'Antal medlemmar den 31 december förra året.', en: 'Number of members on 31 December last year.' },
      fields: [
        { id: 'membersTotal', kind: 'number', integer: true, min: 1, max: 1_000_000, label: { sv: 'Antal medlemmar', en: 'Number of members' },
          errors: members({ sv: 'Antalet medlemmar saknas. Skriv hur många medlemmar föreningen hade', en: 'The number of members is missing. Enter how many members the association had' },
            { sv: 'Föreningen behöver minst en medlem. Skriv {min} eller fler', en: 'The association needs at least one member. Enter {min} or more' }) },
        { id: 'members7to20', kind: 'number', integer: true, min: 0, max: 1_000_000, label: { sv: 'Varav 7–20 år', en: 'Of whom aged 7–20' },
          errors: members({ sv: 'Antalet saknas. Skriv hur många medlemmar som var 7–20 år, eller 0', en: 'The number is missing. Enter how many members were aged 7–20, or 0' }) },
        { id: 'membersResident', kind: 'number', integer: true, min: 0, max: 1_000_000, label: { sv: 'Varav folkbokförda i kommunen', en: 'Of whom living in the municipality' },
          errors: members({ sv: 'Antalet saknas. Skriv hur många medlemmar som bor i kommunen, eller 0', en: 'The number is missing. Enter how many members live in the municipality, or 0' }) },
        { id: 'membersWomen', kind: 'number', integer: true, min: 0, optional: true, label: { sv: 'Varav kvinnor och flickor', en: 'Of whom women and girls' }, errors: unbounded },
        { id: 'membersMen', kind: 'number', integer: true, min: 0, optional: true, label: { sv: 'Varav män och pojkar', en: 'Of whom men and boys' }, errors: unbounded },
        { id: 'membershipFee', kind: 'money', min: 0, max: 100_000, label: { sv: 'Medlemsavgift per år i kronor', en: 'Membership fee per year in kronor' },
          errors: {
            required: { sv: 'Avgiften saknas. Skriv vad ett års medlemskap kostar, eller 0', en: 'The fee is missing. Enter what a year’s membership costs, or 0' },
            tooLarge: { sv: 'Avgiften är för hög. Skriv högst {max}', en: 'The fee is too high. Enter {max} or less' },
          } },
        { id: 'annualMeetingDate', kind: 'date', maxDaysFromToday: 0, label: { sv: 'Datum för senaste årsmötet', en: 'Date of the last annual meeting' },
          errors: {
            required: { sv: 'Datumet saknas. Fyll i dagen då föreningen senast hade årsmöte', en: 'The date is missing. Enter the day of the association’s last annual meeting' },
            tooLate: { sv: 'Årsmötet kan inte vara senare än i dag. Skriv dagen för det senaste årsmötet', en: 'The annual meeting cannot be later than today. Enter the day of the last one' },
          } },
      ],
      rules: [
        { kind: 'sumAtMost', fields: ['members7to20'], max: 'membersTotal', target: 'members7to20',
          message: { sv: 'Antalet 7–20 år kan inte vara fler än alla medlemmar ({max})', en: 'Members aged 7–20 cannot be more than all members ({max})' } },
        { kind: 'sumAtMost', fields: ['membersResident'], max: 'membersTotal', target: 'membersResident',
          message: { sv: 'Antalet folkbokförda i kommunen kan inte vara fler än alla medlemmar ({max})', en: 'Members living in the municipality cannot be more than all members ({max})' } },
        { kind: 'sumAtMost', fields: ['membersWomen', 'membersMen'], max: 'membersTotal', target: 'membersWomen',
          message: { sv: 'Kvinnor och män tillsammans kan inte vara fler än alla medlemmar ({max})', en: 'Women and men together cannot be more than all members ({max})' } },
      ],
    },
    {
      id: 'bidrag',
      title: { sv: 'Vilket bidrag söker ni?', en: 'Which grant are you applying for?' },
      fields: [{
        id: 'grantType', kind: 'choice',
        label: { sv: 'Bidrag', en: 'Grant' },
        options: [
          { value: 'aktivitet', label: { sv: 'Aktivitetsbidrag (LOK)', en: 'Activity grant' }, hint: { sv: 'För sammankomster med barn och unga 7–20 år.', en: 'For sessions with children and young people aged 7–20.' } },
          { value: 'lokal', label: { sv: 'Lokalbidrag', en: 'Premises grant' }, hint: { sv: 'För kostnader för lokal som används av barn och unga.', en: 'For premises used by children and young people.' } },
          { value: 'start', label: { sv: 'Startbidrag', en: 'Start-up grant' }, hint: { sv: 'För nya föreningar. Kan sökas när som helst.', en: 'For new associations. You can apply at any time.' } },
        ],
        errors: { required: { sv: 'Välj vilket bidrag ni söker', en: 'Select which grant you are applying for' } },
      }],
    },
    {
      id: 'sammankomster',
      title: { sv: 'Sammankomster', en: 'Sessions' },
      visibleWhen: grant('aktivitet'),
      intro: {
        sv: 'En rad per sammankomst. Den ska vara minst 60 minuter med minst 3 deltagare 7–20 år. Högst 30 deltagare räknas per sammankomst, och varje deltagare räknas en gång per dag. Lämna rader tomma som ni inte behöver.',
        en: 'One row per session. It must last at least 60 minutes with at least 3 participants aged 7–20. At most 30 participants count per session, and each participant counts once a day. Leave rows you do not need empty.',
      },
      fields: [{
        id: 'sessions', kind: 'group', min: 1, max: 200, fields: session,
        label: { sv: 'Sammankomster', en: 'Sessions' },
        itemLabel: { sv: 'Sammankomst {n}', en: 'Session {n}' },
        addLabel: { sv: 'Lägg till fler rader', en: 'Add more rows' },
        tally: { field: 'participants', cap: 30, label: { sv: 'Deltagare som räknas', en: 'Participants counted' }, totalLabel: { sv: 'Deltagartillfällen som räknas', en: 'Participant sessions counted' } },
        errors: { required: { sv: 'Fyll i minst en sammankomst', en: 'Enter at least one session' } },
      }],
    },
    {
      id: 'lokal',
      title: { sv: 'Lokalen', en: 'The premises' },
      visibleWhen: grant('lokal'),
      fields: [
        { id: 'premises', kind: 'text', maxLength: 200, label: { sv: 'Lokalens adress och beskrivning', en: 'Address and description of the premises' },
          errors: {
            required: { sv: 'Lokalen saknas. Skriv var lokalen ligger och vad den är', en: 'The premises are missing. Enter where the premises are and what they are' },
            tooLong: { sv: 'Texten om lokalen är för lång. Skriv högst {max} tecken', en: 'The text about the premises is too long. Write {max} characters or fewer' },
          } },
        { id: 'premisesCost', kind: 'money', min: 1, max: 10_000_000, label: { sv: 'Hyra eller kostnad per år i kronor', en: 'Rent or cost per year in kronor' },
          errors: {
            required: { sv: 'Kostnaden saknas. Skriv vad lokalen kostar per år', en: 'The cost is missing. Enter what the premises cost a year' },
            tooSmall: { sv: 'Kostnaden måste vara minst {min} per år', en: 'The cost must be at least {min} a year' },
            tooLarge: { sv: 'Kostnaden är för hög. Skriv högst {max}', en: 'The cost is too high. Enter {max} or less' },
          } },
        { id: 'youthHours', kind: 'number', integer: true, min: 0, max: 8784, label: { sv: 'Timmar per år som barn och unga 7–20 år använder lokalen', en: 'Hours per year used by children and young people aged 7–20' },
          errors: {
            required: { sv: 'Antalet timmar saknas. Skriv hur många timmar per år barn och unga använder lokalen', en: 'The number of hours is missing. Enter how many hours a year children and young people use the premises' },
            invalid: { sv: 'Skriv antalet timmar med siffror, till exempel 300', en: 'Enter the number of hours in digits, like 300' },
            notInteger: { sv: 'Skriv antalet timmar som ett helt tal', en: 'Enter the number of hours as a whole number' },
            tooSmall: { sv: 'Antalet timmar kan inte vara mindre än {min}', en: 'The number of hours cannot be less than {min}' },
            tooLarge: { sv: 'Ett år har högst {max} timmar. Skriv ett mindre antal', en: 'A year has at most {max} hours. Enter a smaller number' },
          } },
        documentSlot('lease', { sv: 'Hyresavtal', en: 'Lease' }, { sv: 'Visar kostnaden för lokalen', en: 'Shows the cost of the premises' },
          { sv: 'Hyresavtalet saknas. Bifoga avtalet för lokalen', en: 'The lease is missing. Attach the lease for the premises' }),
      ],
    },
    {
      id: 'start',
      title: { sv: 'Startbidraget', en: 'The start-up grant' },
      visibleWhen: grant('start'),
      fields: [
        { id: 'startPurpose', kind: 'textarea', minLength: 50, maxLength: 2000, label: { sv: 'Vad ska bidraget användas till?', en: 'What will the grant be used for?' },
          errors: {
            required: { sv: 'Beskrivningen saknas. Skriv vad föreningen ska använda bidraget till', en: 'The description is missing. Write what the association will use the grant for' },
            tooShort: { sv: 'Beskrivningen är för kort. Skriv minst {min} tecken om vad bidraget ska användas till', en: 'The description is too short. Write at least {min} characters about what the grant is for' },
            tooLong: { sv: 'Beskrivningen är för lång. Skriv högst {max} tecken', en: 'The description is too long. Write {max} characters or fewer' },
          } },
        { id: 'startAmount', kind: 'money', min: 1, max: 1_000_000, label: { sv: 'Belopp ni söker i kronor', en: 'Amount applied for in kronor' },
          errors: {
            required: { sv: 'Beloppet saknas. Skriv hur mycket pengar ni söker', en: 'The amount is missing. Enter how much money you are applying for' },
            tooSmall: { sv: 'Beloppet måste vara minst {min}', en: 'The amount must be at least {min}' },
            tooLarge: { sv: 'Beloppet är för stort. Skriv högst {max}', en: 'The amount is too large. Enter {max} or less' },
          } },
        documentSlot('plan', { sv: 'Verksamhetsplan', en: 'Plan of activities' }, { sv: 'Vad föreningen ska göra', en: 'What the association will do' },
          { sv: 'Verksamhetsplanen saknas. Bifoga planen för vad föreningen ska göra', en: 'The plan of activities is missing. Attach the plan for what the association will do' }),
        documentSlot('budget', { sv: 'Budget', en: 'Budget' }, { sv: 'Hur bidraget och övriga pengar ska användas', en: 'How the grant and other money will be used' },
          { sv: 'Budgeten saknas. Bifoga budgeten för bidraget', en: 'The budget is missing. Attach the budget for the grant' }),
      ],
    },
    {
      id: 'bilagor',
      title: { sv: 'Bilagor', en: 'Attachments' },
      fields: [
        documentSlot('statutes', { sv: 'Stadgar', en: 'Statutes' }, { sv: 'Föreningens gällande stadgar', en: 'The association’s current statutes' },
          { sv: 'Stadgarna saknas. Bifoga föreningens stadgar', en: 'The statutes are missing. Attach the association’s statutes' }),
        documentSlot('minutes', { sv: 'Årsmötesprotokoll', en: 'Annual meeting minutes' }, { sv: 'Justerat protokoll som visar styrelsen', en: 'Signed minutes that show the board' },
          { sv: 'Protokollet saknas. Bifoga protokollet från senaste årsmötet', en: 'The minutes are missing. Attach the minutes of the last annual meeting' }),
        documentSlot('annualReport', { sv: 'Verksamhetsberättelse', en: 'Annual report' }, { sv: 'Vad föreningen gjorde förra året', en: 'What the association did last year' },
          { sv: 'Verksamhetsberättelsen saknas. Bifoga den för förra året', en: 'The annual report is missing. Attach the one for last year' }, { visibleWhen: withAccounts }),
        documentSlot('accounts', { sv: 'Resultat- och balansräkning', en: 'Income statement and balance sheet' }, { sv: 'Föreningens ekonomi förra året', en: 'The association’s finances last year' },
          { sv: 'Resultat- och balansräkningen saknas. Bifoga den för förra året', en: 'The income statement and balance sheet are missing. Attach them for last year' }, { visibleWhen: withAccounts }),
        documentSlot('auditReport', { sv: 'Revisionsberättelse', en: 'Auditor’s report' }, { sv: 'Revisorernas granskning', en: 'The auditors’ review' },
          { sv: 'Revisionsberättelsen saknas. Bifoga den för förra året', en: 'The auditor’s report is missing. Attach the one for last year' }, { visibleWhen: withAccounts }),
        documentSlot('policies', { sv: 'Policyer', en: 'Policies' }, { sv: 'Till exempel mot droger och kränkande behandling', en: 'For example on drugs and harassment' },
          { sv: 'Bifoga policyerna om föreningen har några', en: 'Attach the policies if the association has any' }, { optional: true }),
      ],
    },
    {
      id: 'underskrift',
      title: { sv: 'Den som skriver under', en: 'The signer' },
      fields: [
        {
          id: 'signerRole', kind: 'choice',
          label: { sv: 'Vilken roll har du i föreningen?', en: 'What is your role in the association?' },
          hint: { sv: 'Du skriver under för föreningen med BankID.', en: 'You sign for the association with BankID.' },
          options: [
            { value: 'chair', label: { sv: 'Ordförande', en: 'Chair' } },
            { value: 'treasurer', label: { sv: 'Kassör', en: 'Treasurer' } },
            { value: 'other', label: { sv: 'Annan', en: 'Other' } },
          ],
          errors: { required: { sv: 'Välj din roll i föreningen', en: 'Select your role in the association' } },
        },
        truthful,
        privacyAck,
      ],
    },
  ],
  flags: [
    {
      id: 'lateActivityGrant',
      when: { all: [grant('aktivitet'), { pastDeadline: { setting: 'aktivitetsbidragDeadlines', dateField: 'sessions.date' } }] },
      reason: { sv: 'Aktivitetsbidraget söktes efter sista dagen ({deadline})', en: 'The activity grant was applied for after the closing date ({deadline})' },
      clear: { sv: 'Inget aktivitetsbidrag söktes efter sista dagen', en: 'No activity grant was applied for after the closing date' },
      unknown: { sv: 'Det gick inte att avgöra automatiskt om aktivitetsbidraget söktes i tid', en: 'It could not be judged automatically whether the activity grant was applied for in time' },
      citizen: lateCitizen,
    },
    {
      id: 'latePremisesGrant',
      when: { all: [grant('lokal'), { pastDeadline: { setting: 'lokalbidragDeadlines' } }] },
      reason: { sv: 'Lokalbidraget söktes efter sista dagen ({deadline})', en: 'The premises grant was applied for after the closing date ({deadline})' },
      clear: { sv: 'Inget lokalbidrag söktes efter sista dagen', en: 'No premises grant was applied for after the closing date' },
      unknown: { sv: 'Det gick inte att avgöra automatiskt om lokalbidraget söktes i tid', en: 'It could not be judged automatically whether the premises grant was applied for in time' },
      citizen: lateCitizen,
    },
    {
      id: 'fewResidentMembers',
      when: { belowSetting: { field: 'membersResident', setting: 'foreningMinResidentMembers' } },
      reason: { sv: 'Föreningen har färre än {foreningMinResidentMembers} medlemmar i kommunen', en: 'The association has fewer than {foreningMinResidentMembers} members in the municipality' },
      clear: { sv: 'Föreningen har minst {foreningMinResidentMembers} medlemmar i kommunen', en: 'The association has at least {foreningMinResidentMembers} members in the municipality' },
      unknown: { sv: 'Det gick inte att avgöra automatiskt om föreningen har tillräckligt många medlemmar i kommunen', en: 'It could not be judged automatically whether the association has enough members in the municipality' },
    },
    {
      id: 'lowMembershipFee',
      when: { belowSetting: { field: 'membershipFee', setting: 'foreningMinMembershipFee' } },
      reason: { sv: 'Medlemsavgiften är lägre än {foreningMinMembershipFee} kr', en: 'The membership fee is below {foreningMinMembershipFee} kr' },
      clear: { sv: 'Medlemsavgiften är minst {foreningMinMembershipFee} kr', en: 'The membership fee is at least {foreningMinMembershipFee} kr' },
      unknown: { sv: 'Det gick inte att avgöra automatiskt om medlemsavgiften är tillräckligt hög', en: 'It could not be judged automatically whether the membership fee is high enough' },
    },
    addressOutsideFlag({
      reason: { sv: 'Föreningens adress verkar ligga utanför kommunen', en: 'The association’s address seems to be outside the municipality' },
      clear: { sv: 'Föreningens postnummer hör till kommunen', en: 'The association’s postcode is in the municipality' },
      unknown: { sv: 'Det gick inte att avgöra automatiskt om föreningens adress ligger i kommunen', en: 'It could not be judged automatically whether the association’s address is in the municipality' },
    }),
    {
      id: 'signerNotChairOrTreasurer',
      when: { field: 'signerRole', equals: 'other' },
      reason: { sv: 'Undertecknaren är varken ordförande eller kassör, så firmateckningen behöver kontrolleras', en: 'The signer is neither chair nor treasurer, so who may sign needs checking' },
      clear: { sv: 'Undertecknaren är ordförande eller kassör enligt ansökan', en: 'The signer is chair or treasurer according to the application' },
      citizen: {
        sv: 'Ansökan ska skrivas under av ordförande eller kassör. Vi tar emot den och kontrollerar att du får företräda föreningen.',
        en: 'The application should be signed by the chair or the treasurer. We will receive it and check that you may act for the association.',
      },
    },
  ],
  checks: [
    { id: 'orgnrBelongs', label: { sv: 'Organisationsnumret tillhör föreningen', en: 'The organisation number belongs to the association' } },
    { id: 'accountBelongs', label: { sv: 'Bankgirot eller plusgirot tillhör föreningen', en: 'The bankgiro or plusgiro belongs to the association' } },
    { id: 'signerMayAct', label: { sv: 'Undertecknaren är ordförande eller kassör enligt protokollet', en: 'The signer is chair or treasurer according to the minutes' } },
    { id: 'board', label: { sv: 'Styrelsen har minst tre ledamöter', en: 'The board has at least three members' } },
    { id: 'attendance', label: { sv: 'Närvarolistor finns, och ingen deltagare räknas två gånger samma dag', en: 'Attendance records exist, and no participant counts twice on one day' } },
  ],
})
