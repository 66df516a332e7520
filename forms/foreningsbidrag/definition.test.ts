import { describe, expect, it } from 'vitest'
import { caseFlags, evaluateFlags, requiredSettings, type FormDefinition, type ValidationContext } from '../kit/index.ts'
import { fileRef, tester } from '../common/testing.ts'
import { foreningsbidrag } from './index.ts'

const LOK = [
  { from: '01-01', to: '06-30', due: '08-25' },
  { from: '07-01', to: '12-31', due: '02-25', dueNextYear: true },
]
const ctx: ValidationContext = {
  locale: 'sv', today: '2026-11-22',
  identity: { personalNumber: '198612139983', name: 'Johan Testsson' },
  settings: {
    municipalityPostcodes: ['135'], aktivitetsbidragDeadlines: LOK, lokalbidragDeadlines: [{ from: '01-01', to: '12-31', due: '12-01' }],
    foreningMinResidentMembers: 10, foreningMinMembershipFee: 50,
  },
}
const { errors, parse, check, rows } = tester(foreningsbidrag, ctx)
const doc = [fileRef()]
const s = (date: string, participants: number | string, minutes: number | string = 90) => ({ date, group: 'P12', leader: 'Eva', participants, minutes })

const complete = {
  associationName: 'Tyresö Bollklubb', orgnr: '802005-1952', seat: 'Tyresö', address: { street: 'Idrottsvägen 1', postcode: '135 40', city: 'Tyresö' },
  chairName: 'Eva Ek', chairPhone: '+46701234567', chairEmail: 'eva@example.se',
  treasurerName: 'Bo Ek', treasurerPhone: '+46701234568', treasurerEmail: 'bo@example.se',
  payment: { type: 'bankgiro', number: '50501055' },
  membersTotal: 120, members7to20: 80, membersResident: 100, membershipFee: 300, annualMeetingDate: '2026-03-15',
  grantType: 'aktivitet', sessions: [s('2026-09-02', 12, 90), s('2026-09-09', 45, 60)],
  statutes: doc, minutes: doc, annualReport: doc, accounts: doc, auditReport: doc,
  signerRole: 'chair', truthful: true, privacyAck: true,
}
const flags = (answers: Record<string, unknown>, c = ctx) =>
  Object.fromEntries(evaluateFlags(foreningsbidrag, { ...complete, ...answers }, c).map((f) => [f.id, f.status]))

describe('föreningsbidrag: the association', () => {
  it('needs name, organisationsnummer of an association, seat and address', () => {
    expect(errors('forening', {})).toEqual({
      associationName: 'Namnet saknas. Skriv föreningens namn som det står i stadgarna', orgnr: 'Organisationsnumret saknas. Fyll i föreningens organisationsnummer', seat: 'Sätet saknas. Skriv i vilken kommun föreningen har sitt säte', address: 'Adressen saknas. Fyll i den adress där föreningen tar emot post',
    })
    const base = { associationName: 'X', seat: 'Tyresö', address: complete.address }
    expect(parse('forening', { ...base, orgnr: '8020051952' }).orgnr).toBe('802005-1952')
    expect(errors('forening', { ...base, orgnr: '556036-0793' })).toEqual({ orgnr: 'Numret hör inte till en förening. En förenings organisationsnummer börjar med 8 eller 7' })
    expect(errors('forening', { ...base, orgnr: '556036-0794' }).orgnr).toMatch(/^Organisationsnumret stämmer inte/)
    expect(errors('forening', { ...base, orgnr: '551036-0794' }).orgnr).toMatch(/^Organisationsnumret stämmer inte/)
  })
  it('needs chair and treasurer with phone and e-mail, and no personnummer field anywhere', () => {
    expect(Object.keys(errors('styrelse', {}))).toEqual(['chairName', 'chairPhone', 'chairEmail', 'treasurerName', 'treasurerPhone', 'treasurerEmail'])
    expect(errors('styrelse', { chairName: 'Eva', chairPhone: '070-123 45 67', chairEmail: 'eva@', treasurerName: 'Bo', treasurerPhone: '08-123 456', treasurerEmail: 'bo@example.se' }))
      .toEqual({ chairEmail: 'Skriv e-postadressen i rätt form, till exempel namn@exempel.se' })
    expect((foreningsbidrag as FormDefinition).pages.flatMap((p) => p.fields).some((f) => f.kind === 'personnummer')).toBe(false)
  })
  it('takes a bankgiro or plusgiro with a valid check digit', () => {
    expect(errors('utbetalning', {})).toEqual({ payment: 'Kontonumret saknas. Välj bankgiro eller plusgiro och fyll i föreningens nummer' })
    expect(parse('utbetalning', { payment: { type: 'plusgiro', number: '28 65 43-4' } }).payment).toEqual({ type: 'plusgiro', number: '2865434' })
    expect(errors('utbetalning', { payment: { type: 'bankgiro', number: '5050-1056' } })['payment.number']).toMatch(/^Bankgironumret stämmer inte/)
    expect(rows(complete).payment).toBe('Bankgiro 5050-1055')
  })
})

describe('föreningsbidrag: members', () => {
  const base = { membersTotal: '50', members7to20: '30', membersResident: '40', membershipFee: '200', annualMeetingDate: '2026-03-15' }
  it('needs the counts, the fee and the meeting date', () => {
    expect(Object.keys(errors('medlemmar', {}))).toEqual(['membersTotal', 'members7to20', 'membersResident', 'membershipFee', 'annualMeetingDate'])
    expect(errors('medlemmar', base)).toEqual({})
  })
  it('keeps every sub-count within the total', () => {
    expect(errors('medlemmar', { ...base, members7to20: '51' })).toEqual({ members7to20: 'Antalet 7–20 år kan inte vara fler än alla medlemmar (50)' })
    expect(errors('medlemmar', { ...base, membersResident: '60' })).toEqual({ membersResident: 'Antalet folkbokförda i kommunen kan inte vara fler än alla medlemmar (50)' })
    expect(errors('medlemmar', { ...base, membersWomen: '30', membersMen: '21' })).toEqual({ membersWomen: 'Kvinnor och män tillsammans kan inte vara fler än alla medlemmar (50)' })
    expect(errors('medlemmar', { ...base, membersWomen: '30', membersMen: '20' })).toEqual({})
  })
  it('checks numbers, the fee in kronor and that the meeting has happened', () => {
    expect(errors('medlemmar', { ...base, membersTotal: '0' })).toEqual({ membersTotal: 'Föreningen behöver minst en medlem. Skriv 1 eller fler' })
    expect(errors('medlemmar', { ...base, members7to20: '2,5' })).toEqual({ members7to20: 'Skriv antalet som ett helt tal' })
    expect(parse('medlemmar', { ...base, membershipFee: '150 kr' }).membershipFee).toBe(150)
    expect(errors('medlemmar', { ...base, membershipFee: 'hundra' }).membershipFee).toMatch(/beloppet i kronor/)
    expect(errors('medlemmar', { ...base, annualMeetingDate: '2026-12-01' })).toEqual({ annualMeetingDate: 'Årsmötet kan inte vara senare än i dag. Skriv dagen för det senaste årsmötet' })
  })
})

describe('föreningsbidrag: grants', () => {
  it('asks which grant, and shows only that grant’s page', () => {
    expect(errors('bidrag', {})).toEqual({ grantType: 'Välj vilket bidrag ni söker' })
    expect(check({ ...complete, grantType: 'lokal' }).firstIncomplete).toBe('lokal')
    expect(check({ ...complete, grantType: 'start', annualReport: [], accounts: [], auditReport: [] }).firstIncomplete).toBe('start')
  })
  it('checks every session row: ≥ 60 minutes, ≥ 3 participants 7–20, a real past date, all columns', () => {
    expect(errors('sammankomster', { sessions: [{}, {}] })).toEqual({ sessions: 'Fyll i minst en sammankomst' })
    expect(errors('sammankomster', { sessions: [s('2026-09-02', 2, 45), s('2026-12-01', 10), { date: '2026-09-03' }] })).toEqual({
      'sessions.0.participants': 'Sammankomst 1: Minst 3 deltagare i åldern 7–20 år behövs för att sammankomsten ska räknas',
      'sessions.0.minutes': 'Sammankomst 1: En sammankomst ska vara minst 60 minuter',
      'sessions.1.date': 'Sammankomst 2: Datumet kan inte vara senare än i dag. Skriv dagen då sammankomsten var',
      'sessions.2.group': 'Sammankomst 3: Gruppen saknas. Skriv vilken grupp eller vilket lag som träffades',
      'sessions.2.leader': 'Sammankomst 3: Ledaren saknas. Skriv namnet på den som ledde sammankomsten',
      'sessions.2.participants': 'Sammankomst 3: Antalet deltagare saknas. Skriv hur många som var 7–20 år',
      'sessions.2.minutes': 'Sammankomst 3: Längden saknas. Skriv hur många minuter sammankomsten var',
    })
    expect(errors('sammankomster', { sessions: [s('2026-09-02', '3', '60'), {}, {}] })).toEqual({})
  })
  it('counts at most 30 participants per session, shown per row and in total', () => {
    const r = rows(complete)
    expect(r['sessions.0']).toBe('Datum: 2 september 2026\nGrupp eller lag: P12\nLedare: Eva\nDeltagare 7–20 år: 12\nLängd i minuter: 90\nDeltagare som räknas: 12')
    expect(r['sessions.1']).toMatch(/Deltagare 7–20 år: 45\n.*\nDeltagare som räknas: 30$/)
    expect(r['sessions.total']).toBe('42')
  })
  it('needs the premises details and lease for lokalbidrag', () => {
    expect(errors('lokal', {})).toEqual({
      premises: 'Lokalen saknas. Skriv var lokalen ligger och vad den är', premisesCost: 'Kostnaden saknas. Skriv vad lokalen kostar per år',
      youthHours: 'Antalet timmar saknas. Skriv hur många timmar per år barn och unga använder lokalen', lease: 'Hyresavtalet saknas. Bifoga avtalet för lokalen',
    })
    expect(errors('lokal', { premises: 'Klubbstugan', premisesCost: '24 000', youthHours: '300', lease: doc })).toEqual({})
  })
  it('needs purpose, amount, plan and budget for startbidrag', () => {
    expect(Object.keys(errors('start', {}))).toEqual(['startPurpose', 'startAmount', 'plan', 'budget'])
    expect(errors('start', { startPurpose: 'Kort', startAmount: '5000', plan: doc, budget: doc }).startPurpose).toMatch(/minst 50 tecken/)
  })
  it('needs statutes and minutes always, and the accounts except for a new association', () => {
    expect(errors('bilagor', {}, { grantType: 'aktivitet' })).toEqual({
      statutes: 'Stadgarna saknas. Bifoga föreningens stadgar', minutes: 'Protokollet saknas. Bifoga protokollet från senaste årsmötet', annualReport: 'Verksamhetsberättelsen saknas. Bifoga den för förra året',
      accounts: 'Resultat- och balansräkningen saknas. Bifoga den för förra året', auditReport: 'Revisionsberättelsen saknas. Bifoga den för förra året',
    })
    expect(errors('bilagor', { statutes: doc, minutes: doc }, { grantType: 'start' })).toEqual({})
  })
  it('needs the signer’s role and the confirmations', () => {
    expect(errors('underskrift', {})).toEqual({
      signerRole: 'Välj din roll i föreningen', truthful: 'Kryssa i rutan för att intyga att uppgifterna stämmer',
      privacyAck: 'Läs informationen om personuppgifter och kryssa sedan i rutan',
    })
  })
  it('is complete with all of the above', () => {
    expect(check(complete).complete).toBe(true)
  })
})

describe('föreningsbidrag flags (never reject)', () => {
  it('raises nothing for a timely, eligible application', () => {
    expect(Object.values(flags({})).every((v) => v === 'clear')).toBe(true)
  })
  it('flags an activity grant sent after the deadline of its sessions’ round, and still completes', () => {
    const spring = { sessions: [s('2026-03-04', 10), s('2026-05-06', 10)] }
    expect(flags(spring).lateActivityGrant).toBe('raised')
    expect(flags(spring, { ...ctx, today: '2026-08-25' }).lateActivityGrant).toBe('clear')
    expect(flags({}, { ...ctx, today: '2027-02-26' }).lateActivityGrant).toBe('raised')
    expect(check({ ...complete, ...spring }).complete).toBe(true)
    const [late] = caseFlags(evaluateFlags(foreningsbidrag, { ...complete, ...spring }, ctx))
    expect(late).toEqual({ flag: 'lateActivityGrant', reason: 'Aktivitetsbidraget söktes efter sista dagen (25 augusti 2026)' })
  })
  it('flags a premises grant after its deadline, and never a start grant', () => {
    expect(flags({ grantType: 'lokal' }).latePremisesGrant).toBe('clear')
    expect(flags({ grantType: 'lokal' }, { ...ctx, today: '2026-12-02' }).latePremisesGrant).toBe('raised')
    expect(flags({ grantType: 'start' }, { ...ctx, today: '2026-12-31' })).toMatchObject({ lateActivityGrant: 'clear', latePremisesGrant: 'clear' })
  })
  it('says "unknown" when the municipality has not configured a deadline', () => {
    expect(flags({}, { ...ctx, settings: {} }).lateActivityGrant).toBe('unknown')
  })
  it('flags few members in the municipality, a low fee, an address outside and a signer who is neither chair nor treasurer', () => {
    expect(flags({ membersResident: 9 }).fewResidentMembers).toBe('raised')
    expect(flags({ membershipFee: 40 }).lowMembershipFee).toBe('raised')
    expect(flags({ address: { street: 'A 1', postcode: '111 22', city: 'Stockholm' } }).addressOutside).toBe('raised')
    expect(flags({ signerRole: 'other' }).signerNotChairOrTreasurer).toBe('raised')
  })
  it('names its settings', () => {
    expect(requiredSettings(foreningsbidrag)).toEqual([
      'aktivitetsbidragDeadlines', 'foreningMinMembershipFee', 'foreningMinResidentMembers', 'lokalbidragDeadlines', 'municipalityPostcodes',
    ])
  })
})
