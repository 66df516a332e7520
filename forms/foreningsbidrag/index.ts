import { defineForm, type ItemField, type Text } from '../kit/index.ts'
import { documentSlot, privacyAck, truthful } from '../common/index.ts'

const grant = (value: 'aktivitet' | 'lokal' | 'start') => ({ field: 'grantType', equals: value }) as const
const withAccounts = { field: 'grantType', in: ['aktivitet', 'lokal'] }

const person = (role: 'chair' | 'treasurer', name: Text): ItemField[] => [
  { id: `${role}Name`, kind: 'text', maxLength: 100, label: { sv: `${name.sv}: namn`, en: `${name.en}: name` } },
  { id: `${role}Phone`, kind: 'phone', label: { sv: `${name.sv}: telefon`, en: `${name.en}: phone` } },
  { id: `${role}Email`, kind: 'email', label: { sv: `${name.sv}: e-post`, en: `${name.en}: email` } },
]

/** One LOK session (docs/domain.md §3): ≥ 60 minutes, ≥ 3 participants aged 7–20; at most 30 of them count. */
const session: ItemField[] = [
  { id: 'date', kind: 'date', maxDaysFromToday: 0, minDaysFromToday: -550, label: { sv: 'Datum', en: 'Date' },
    errors: { tooLate: { sv: 'Datumet kan inte vara i framtiden', en: 'The date cannot be in the future' } } },
  { id: 'group', kind: 'text', maxLength: 100, label: { sv: 'Grupp eller lag', en: 'Group or team' } },
  { id: 'leader', kind: 'text', maxLength: 100, label: { sv: 'Ledare', en: 'Leader' } },
  { id: 'participants', kind: 'number', integer: true, min: 3, max: 500, label: { sv: 'Deltagare 7–20 år', en: 'Participants aged 7–20' },
    errors: { tooSmall: { sv: 'Minst 3 deltagare i åldern 7–20 år behövs för att sammankomsten ska räknas', en: 'At least 3 participants aged 7–20 are needed for the session to count' } } },
  { id: 'minutes', kind: 'number', integer: true, min: 60, max: 1440, label: { sv: 'Längd i minuter', en: 'Length in minutes' },
    errors: { tooSmall: { sv: 'En sammankomst ska vara minst 60 minuter', en: 'A session must last at least 60 minutes' } } },
]

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
  summary: { fields: ['associationName', 'grantType'] },
  // A discretionary grant: challenged by laglighetsprövning, not appealed (docs/domain.md §3). (confirm locally)
  decision: { byServicecenter: false, appealable: false },
  handlingDays: 30,
  pages: [
    {
      id: 'forening',
      title: { sv: 'Föreningen', en: 'The association' },
      fields: [
        { id: 'associationName', kind: 'text', maxLength: 150, label: { sv: 'Föreningens namn', en: 'Name of the association' } },
        {
          id: 'orgnr', kind: 'orgnr', entityTypes: ['7', '8'],
          label: { sv: 'Organisationsnummer', en: 'Organisation number' },
          hint: { sv: 'Tio siffror, till exempel 802000-1234.', en: 'Ten digits, like 802000-1234.' },
          errors: { wrongType: { sv: 'Organisationsnumret ska tillhöra en ideell eller ekonomisk förening (börja med 8 eller 7)', en: 'The organisation number must belong to a non-profit or economic association (start with 8 or 7)' } },
        },
        { id: 'seat', kind: 'text', maxLength: 100, label: { sv: 'Säte (kommun)', en: 'Registered seat (municipality)' } },
        { id: 'address', kind: 'address', label: { sv: 'Föreningens postadress', en: 'Postal address of the association' } },
      ],
    },
    {
      id: 'styrelse',
      title: { sv: 'Ordförande och kassör', en: 'Chair and treasurer' },
      intro: { sv: 'Skriv inte personnummer.', en: 'Do not enter personal identity numbers.' },
      fields: [
        ...person('chair', { sv: 'Ordförande', en: 'Chair' }),
        ...person('treasurer', { sv: 'Kassör', en: 'Treasurer' }),
      ],
    },
    {
      id: 'utbetalning',
      title: { sv: 'Utbetalning', en: 'Payment' },
      fields: [{
        id: 'payment', kind: 'giro',
        label: { sv: 'Bankgiro eller plusgiro', en: 'Bankgiro or plusgiro' },
        hint: { sv: 'Kontot ska tillhöra föreningen.', en: 'The account must belong to the association.' },
        errors: { required: { sv: 'Fyll i föreningens bankgiro eller plusgiro', en: 'Enter the association’s bankgiro or plusgiro' } },
      }],
    },
    {
      id: 'medlemmar',
      title: { sv: 'Medlemmar och årsmöte', en: 'Members and annual meeting' },
      intro: { sv: 'Antal medlemmar den 31 december förra året.', en: 'Number of members on 31 December last year.' },
      fields: [
        { id: 'membersTotal', kind: 'number', integer: true, min: 1, max: 1_000_000, label: { sv: 'Antal medlemmar', en: 'Number of members' } },
        { id: 'members7to20', kind: 'number', integer: true, min: 0, max: 1_000_000, label: { sv: 'Varav 7–20 år', en: 'Of whom aged 7–20' } },
        { id: 'membersResident', kind: 'number', integer: true, min: 0, max: 1_000_000, label: { sv: 'Varav folkbokförda i kommunen', en: 'Of whom living in the municipality' } },
        { id: 'membersWomen', kind: 'number', integer: true, min: 0, optional: true, label: { sv: 'Varav kvinnor och flickor', en: 'Of whom women and girls' } },
        { id: 'membersMen', kind: 'number', integer: true, min: 0, optional: true, label: { sv: 'Varav män och pojkar', en: 'Of whom men and boys' } },
        { id: 'membershipFee', kind: 'money', min: 0, max: 100_000, label: { sv: 'Medlemsavgift per år i kronor', en: 'Membership fee per year in kronor' } },
        { id: 'annualMeetingDate', kind: 'date', maxDaysFromToday: 0, label: { sv: 'Datum för senaste årsmötet', en: 'Date of the last annual meeting' },
          errors: { tooLate: { sv: 'Årsmötet kan inte vara i framtiden', en: 'The annual meeting cannot be in the future' } } },
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
        { id: 'premises', kind: 'text', maxLength: 200, label: { sv: 'Lokalens adress och beskrivning', en: 'Address and description of the premises' } },
        { id: 'premisesCost', kind: 'money', min: 1, max: 10_000_000, label: { sv: 'Hyra eller kostnad per år i kronor', en: 'Rent or cost per year in kronor' } },
        { id: 'youthHours', kind: 'number', integer: true, min: 0, max: 8784, label: { sv: 'Timmar per år som barn och unga 7–20 år använder lokalen', en: 'Hours per year used by children and young people aged 7–20' } },
        documentSlot('lease', { sv: 'Hyresavtal', en: 'Lease' }, { sv: 'Visar kostnaden för lokalen', en: 'Shows the cost of the premises' }),
      ],
    },
    {
      id: 'start',
      title: { sv: 'Startbidraget', en: 'The start-up grant' },
      visibleWhen: grant('start'),
      fields: [
        { id: 'startPurpose', kind: 'textarea', minLength: 50, maxLength: 2000, label: { sv: 'Vad ska bidraget användas till?', en: 'What will the grant be used for?' } },
        { id: 'startAmount', kind: 'money', min: 1, max: 1_000_000, label: { sv: 'Belopp ni söker i kronor', en: 'Amount applied for in kronor' } },
        documentSlot('plan', { sv: 'Verksamhetsplan', en: 'Plan of activities' }, { sv: 'Vad föreningen ska göra', en: 'What the association will do' }),
        documentSlot('budget', { sv: 'Budget', en: 'Budget' }, { sv: 'Hur bidraget och övriga pengar ska användas', en: 'How the grant and other money will be used' }),
      ],
    },
    {
      id: 'bilagor',
      title: { sv: 'Bilagor', en: 'Attachments' },
      fields: [
        documentSlot('statutes', { sv: 'Stadgar', en: 'Statutes' }, { sv: 'Föreningens gällande stadgar', en: 'The association’s current statutes' }),
        documentSlot('minutes', { sv: 'Årsmötesprotokoll', en: 'Annual meeting minutes' }, { sv: 'Justerat protokoll som visar styrelsen', en: 'Signed minutes that show the board' }),
        documentSlot('annualReport', { sv: 'Verksamhetsberättelse', en: 'Annual report' }, { sv: 'Vad föreningen gjorde förra året', en: 'What the association did last year' }, { visibleWhen: withAccounts }),
        documentSlot('accounts', { sv: 'Resultat- och balansräkning', en: 'Income statement and balance sheet' }, { sv: 'Föreningens ekonomi förra året', en: 'The association’s finances last year' }, { visibleWhen: withAccounts }),
        documentSlot('auditReport', { sv: 'Revisionsberättelse', en: 'Auditor’s report' }, { sv: 'Revisorernas granskning', en: 'The auditors’ review' }, { visibleWhen: withAccounts }),
        documentSlot('policies', { sv: 'Policyer', en: 'Policies' }, { sv: 'Till exempel mot droger och kränkande behandling', en: 'For example on drugs and harassment' }, { optional: true }),
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
      reason: { sv: 'Aktivitetsbidrag sökt efter sista dag ({deadline})', en: 'Activity grant applied for after the closing date ({deadline})' },
      citizen: lateCitizen,
    },
    {
      id: 'latePremisesGrant',
      when: { all: [grant('lokal'), { pastDeadline: { setting: 'lokalbidragDeadlines' } }] },
      reason: { sv: 'Lokalbidrag sökt efter sista dag ({deadline})', en: 'Premises grant applied for after the closing date ({deadline})' },
      citizen: lateCitizen,
    },
    {
      id: 'fewResidentMembers',
      when: { belowSetting: { field: 'membersResident', setting: 'foreningMinResidentMembers' } },
      reason: { sv: 'Färre medlemmar i kommunen än {foreningMinResidentMembers}', en: 'Fewer members in the municipality than {foreningMinResidentMembers}' },
    },
    {
      id: 'lowMembershipFee',
      when: { belowSetting: { field: 'membershipFee', setting: 'foreningMinMembershipFee' } },
      reason: { sv: 'Medlemsavgiften är lägre än {foreningMinMembershipFee} kr', en: 'The membership fee is below {foreningMinMembershipFee} kr' },
    },
    {
      id: 'addressOutside',
      when: { postcodeOutside: { field: 'address', setting: 'municipalityPostcodes' } },
      reason: { sv: 'Föreningens adress verkar ligga utanför kommunen', en: 'The association’s address seems to be outside the municipality' },
    },
    {
      id: 'signerNotChairOrTreasurer',
      when: { field: 'signerRole', equals: 'other' },
      reason: { sv: 'Undertecknaren är varken ordförande eller kassör: kontrollera firmateckningen', en: 'The signer is neither chair nor treasurer: check who may sign' },
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
