import { describe, expect, it } from 'vitest'
import { dueDate, readDeadline } from './deadlines.ts'
import { caseFlags, defineForm, evaluateFlags, fanOut, prefillAnswers, referencedTeams, requiredSettings, routeAfterFlags, type FormDefinition } from './index.ts'

const L = (sv: string, en = sv) => ({ sv, en })
const form = defineForm({
  id: 'flaggor', version: 1, caseNumberPrefix: 'FLG', identification: 'bankid', sign: true, handlingDays: 5, afterReceipt: { sv: 'Svar inom {days} dagar.', en: 'An answer within {days} days.' },
  title: L('Flaggor'), description: L(''), routing: { team: 'social', department: 'soc' },
  pages: [{
    id: 'a', title: L('A'),
    fields: [
      { id: 'pnr', kind: 'personnummer', label: L('Personnummer'), prefill: { from: 'personalNumber', when: { field: 'who', equals: 'self' } } },
      { id: 'who', kind: 'choice', label: L('Vem'), options: [{ value: 'self', label: L('Jag') }, { value: 'other', label: L('Annan') }] },
      { id: 'name', kind: 'text', label: L('Namn'), prefill: { from: 'name' } },
      { id: 'housing', kind: 'choice', label: L('Boende'), options: [{ value: 'ordinart', label: L('Ordinärt') }, { value: 'sarskilt', label: L('Särskilt') }] },
      { id: 'home', kind: 'address', label: L('Adress') },
      { id: 'members', kind: 'number', label: L('Medlemmar') },
      { id: 'services', kind: 'multichoice', label: L('Tjänster'), options: [{ value: 'bibliotek', label: L('Bibliotekskort') }, { value: 'avfall', label: L('Sophämtning') }] },
      { id: 'sessions', kind: 'group', max: 10, label: L('Pass'), itemLabel: L('Pass {n}'), fields: [{ id: 'date', kind: 'date', label: L('Datum') }] },
    ],
  }],
  flags: [
    { id: 'young', when: { ageBelow: { field: 'pnr', setting: 'minAge' } }, routeTo: 'bistand',
      reason: L('Sökanden är {age} år, under {minAge}'), clear: L('Sökanden är {age} år'), unknown: L('Åldern kunde inte jämföras'), citizen: L('Du är under {minAge} år. En handläggare utreder ditt behov.') },
    { id: 'housing', when: { not: { field: 'housing', equals: 'ordinart' } }, reason: L('Inte ordinärt boende'), clear: L('Ordinärt boende'), routeTo: 'bistand' },
    { id: 'outside', when: { postcodeOutside: { field: 'home', setting: 'postcodePrefixes' } }, reason: L('Adressen verkar ligga utanför kommunen'),
      clear: L('Postnumret hör till kommunen'), unknown: L('Det gick inte att avgöra om adressen ligger i kommunen') },
    { id: 'few', when: { belowSetting: { field: 'members', setting: 'minMembers' } }, reason: L('Färre än {minMembers} medlemmar'), clear: L('Minst {minMembers} medlemmar'), unknown: L('Antalet kunde inte jämföras') },
    { id: 'late', when: { all: [{ field: 'who', equals: 'other' }, { pastDeadline: { setting: 'deadlines', dateField: 'sessions.date' } }] },
      reason: L('Inkom efter sista dag {deadline}', 'Arrived after the deadline {deadline}'), clear: L('Inkom inte sent'), unknown: L('Okänt om i tid') },
    { id: 'lateFixed', when: { pastDeadline: { setting: 'fixedDeadline' } }, reason: L('Sent'), clear: L('I tid'), unknown: L('Okänt om i tid') },
    { id: 'either', when: { any: [{ field: 'who', equals: 'other' }, { field: 'services', includes: 'avfall' }] }, reason: L('Någon av'), clear: L('Ingen av') },
  ],
  fanOut: [
    { id: 'bibliotek', when: { field: 'services', includes: 'bibliotek' }, team: 'bibliotek', department: 'kultur', title: L('Bibliotekskort') },
    { id: 'avfall', when: { field: 'services', includes: 'avfall' }, team: 'teknik', title: L('Sophämtning') },
  ],
} satisfies FormDefinition)

const LOK = [
  { from: '01-01', to: '06-30', due: '08-25' },
  { from: '07-01', to: '12-31', due: '02-25', dueNextYear: true },
]
const settings = { minAge: 65, postcodePrefixes: ['135', '136'], minMembers: 10, deadlines: LOK, fixedDeadline: '2026-12-01' }
const ctx = { locale: 'sv' as const, today: '2026-11-22', settings }
const status = (answers: Record<string, unknown>, c: Record<string, unknown> = ctx) =>
  Object.fromEntries(evaluateFlags(form, answers, c as typeof ctx).map((o) => [o.id, o.status]))

describe('evaluateFlags', () => {
  it('raises age below the configured minimum, from the personnummer and today, with the age in the reason', () => {
    const [young] = evaluateFlags(form, { pnr: '196201019806' }, ctx) // 64 on 2026-11-22
    expect(young).toMatchObject({ id: 'young', status: 'raised', routeTo: 'bistand', reason: { sv: 'Sökanden är 64 år, under 65' }, finding: { sv: 'Sökanden är 64 år, under 65' } })
    expect(young!.citizen?.sv).toBe('Du är under 65 år. En handläggare utreder ditt behov.')
    expect(status({ pnr: '196111229800' }).young).toBe('clear') // 65 today
    // The finding staff read is true for what was found: the age, not the reason, when the flag did not apply.
    expect(evaluateFlags(form, { pnr: '196111229800' }, ctx)[0]!.finding).toEqual({ sv: 'Sökanden är 65 år', en: 'Sökanden är 65 år' })
    expect(status({ pnr: '196201019806' }, { ...ctx, settings: { ...settings, minAge: 60 } }).young).toBe('clear')
  })
  it('is unknown, not clear, when a setting or answer is missing, and says what', () => {
    const [young] = evaluateFlags(form, { pnr: '196201019806' }, { ...ctx, settings: {} })
    expect(young).toMatchObject({ status: 'unknown', missing: ['setting:minAge'], finding: { sv: 'Åldern kunde inte jämföras' } })
    expect(evaluateFlags(form, {}, ctx)[0]).toMatchObject({ status: 'unknown', missing: ['answer:pnr'] })
  })
  it('raises housing other than ordinary via not', () => {
    expect(status({ housing: 'sarskilt' }).housing).toBe('raised')
    expect(status({ housing: 'ordinart' }).housing).toBe('clear')
  })
  it('raises a postcode outside the configured prefixes', () => {
    expect(status({ home: { street: 'G 1', postcode: '135 81', city: 'Tyresö' } }).outside).toBe('clear')
    expect(status({ home: { street: 'G 1', postcode: '111 22', city: 'Stockholm' } }).outside).toBe('raised')
    expect(status({}).outside).toBe('unknown')
  })
  it('compares numbers with a setting', () => {
    expect(status({ members: 9 }).few).toBe('raised')
    expect(status({ members: 10 }).few).toBe('clear')
  })
  it('raises a late application by the round of the earliest date, and names the deadline', () => {
    const late = (dates: string[], today: string) =>
      evaluateFlags(form, { who: 'other', sessions: dates.map((date) => ({ date })) }, { ...ctx, today }).find((o) => o.id === 'late')!
    expect(late(['2026-03-10', '2026-09-01'], '2026-08-25').status).toBe('clear')
    expect(late(['2026-09-01', '2026-03-10'], '2026-08-26')).toMatchObject({ status: 'raised', reason: { sv: 'Inkom efter sista dag 25 augusti 2026', en: 'Arrived after the deadline 25 August 2026' } })
    expect(late(['2026-09-01'], '2027-02-25').status).toBe('clear')
    expect(late(['2026-09-01'], '2027-02-26').status).toBe('raised')
    expect(late([], '2026-08-26').status).toBe('unknown')
    // "all" is decided by a false part even when another part is unknown.
    expect(status({ who: 'self' }).late).toBe('clear')
  })
  it('takes a fixed deadline against today', () => {
    expect(status({}).lateFixed).toBe('clear')
    expect(status({}, { ...ctx, today: '2026-12-02' }).lateFixed).toBe('raised')
    expect(status({}, { ...ctx, settings: { ...settings, fixedDeadline: '2026-02-30' } }).lateFixed).toBe('unknown')
  })
  it('combines with any, and reads multichoice answers with includes', () => {
    expect(status({ who: 'self', services: ['avfall'] }).either).toBe('raised')
    expect(status({ who: 'self', services: ['bibliotek'] }).either).toBe('clear')
  })
  it('turns outcomes into case flags and routing', () => {
    const outcomes = evaluateFlags(form, { pnr: '196201019806', housing: 'ordinart', members: 12 }, { ...ctx, settings: { ...settings, postcodePrefixes: undefined } })
    expect(caseFlags(outcomes).map((f) => f.flag)).toEqual(['young', 'outside'])
    expect(caseFlags(outcomes).find((f) => f.flag === 'outside')?.reason).toBe('Det gick inte att avgöra om adressen ligger i kommunen')
    expect(routeAfterFlags(form, outcomes)).toEqual({ team: 'bistand', department: 'soc' })
    expect(routeAfterFlags(form, evaluateFlags(form, { pnr: '194001019803', housing: 'ordinart' }, ctx))).toEqual({ team: 'social', department: 'soc' })
  })
  it('lists the settings and teams a definition needs', () => {
    expect(requiredSettings(form)).toEqual(['deadlines', 'fixedDeadline', 'minAge', 'minMembers', 'postcodePrefixes'])
    expect(referencedTeams(form)).toEqual(['bibliotek', 'bistand', 'social', 'teknik'])
  })
})

describe('deadlines', () => {
  it('reads a fixed date or yearly rounds, and nothing else', () => {
    expect(readDeadline('2026-12-01')).toBe('2026-12-01')
    expect(readDeadline(LOK)).toEqual(LOK)
    expect(readDeadline([{ from: '07-01', to: '01-31', due: '02-25' }])).toBeNull()
    expect(readDeadline(65)).toBeNull()
  })
  it('finds the round a date falls in', () => {
    expect(dueDate(LOK, '2026-06-30')).toBe('2026-08-25')
    expect(dueDate(LOK, '2026-07-01')).toBe('2027-02-25')
    expect(dueDate([{ from: '01-01', to: '03-31', due: '04-01' }], '2026-05-01')).toBeNull()
  })
})

describe('fanOut', () => {
  it('gives one sub-case per chosen service', () => {
    expect(fanOut(form, { services: ['avfall', 'bibliotek'] })).toEqual([
      { id: 'bibliotek', team: 'bibliotek', department: 'kultur', title: L('Bibliotekskort') },
      { id: 'avfall', team: 'teknik', title: L('Sophämtning') },
    ])
    expect(fanOut(form, { services: [] })).toEqual([])
  })
})

describe('prefillAnswers', () => {
  const identity = { personalNumber: '194001019803', name: 'Greta Provsson' }
  it('fills empty answers from the login where the field asks and its condition holds', () => {
    expect(prefillAnswers(form, { who: 'self' }, identity)).toEqual({ who: 'self', pnr: '194001019803', name: 'Greta Provsson' })
    expect(prefillAnswers(form, { who: 'other' }, identity)).toEqual({ who: 'other', name: 'Greta Provsson' })
  })
  it('never overwrites an answer', () => {
    expect(prefillAnswers(form, { who: 'self', name: 'Annan' }, identity).name).toBe('Annan')
  })
})
