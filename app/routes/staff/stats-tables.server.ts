import { t } from '#forms/kit/index.ts'
import { getForm } from '#forms/registry.ts'
import { municipality, todayIso } from '#services/config/municipality.server.ts'
import { statistics, type Period } from '#services/cases/stats.server.ts'
import { contactStatistics, type HandlingCounts } from '#services/contacts/stats.server.ts'
import { helpRequestsPerLocation } from '#services/kiosk/help-stats.server.ts'
import { channelLabel } from './labels.ts'

export type StatsTable = { id: string; title: string; header: string[]; rows: (string | number)[][] }

const ISO = /^\d{4}-\d{2}-\d{2}$/
const DAY = 24 * 3600_000

/** The period from the URL: whole days, at most a year, the last 30 days by default. */
export function periodFrom(search: URLSearchParams): Period {
  const today = todayIso()
  const to = ISO.test(search.get('till') ?? '') && !Number.isNaN(Date.parse(search.get('till')!)) ? search.get('till')! : today
  const fallback = new Date(Date.parse(to) - 29 * DAY).toISOString().slice(0, 10)
  let from = ISO.test(search.get('fran') ?? '') && !Number.isNaN(Date.parse(search.get('fran')!)) ? search.get('fran')! : fallback
  if (from > to) from = to
  if (Date.parse(to) - Date.parse(from) > 366 * DAY) from = new Date(Date.parse(to) - 366 * DAY).toISOString().slice(0, 10)
  return { from, to, per: search.get('per') === 'vecka' ? 'week' : 'day' }
}

const hours = (h: number | null) => (h === null ? '–' : h < 48 ? `${h.toFixed(1).replace('.', ',')} h` : `${(h / 24).toFixed(1).replace('.', ',')} d`)
const minutes = (m: number | null) => (m === null ? '–' : `${Math.round(m)} min`)
const pct = (n: number, of: number) => (of === 0 ? '–' : `${Math.round((100 * n) / of)} %`)
/** A share as a number of percent with one decimal, so a spreadsheet can sum and chart it; '–' of nothing. */
const share = (n: number, of: number) => (of === 0 ? '–' : Math.round((1000 * n) / of) / 10)

const HANDLING_HEADER = ['Ärenden', 'Kontakter', 'Besvarade direkt', 'Andel av kontakterna besvarade direkt (%)', 'Hanterade inom tidsfrist', 'Andel inom tidsfrist (%)']
const handlingRow = (label: string, c: HandlingCounts) =>
  [label, c.cases, c.contacts, c.atFirstContact, share(c.atFirstContact, c.contacts), c.withinDeadline, share(c.withinDeadline, c.judged)]

/** The statistics as tables: what the page shows, what the charts draw and what the CSV export holds. */
export async function statsTables(p: Period) {
  const [s, help, contacts] = await Promise.all([statistics(p), helpRequestsPerLocation(p), contactStatistics(p)])
  const m = municipality()
  const title = (formId: string) => { const f = getForm(formId); return f ? t(f.title, 'sv') : formId }
  const reason = (id: string) => m.contacts.reasons.find((r) => r.id === id)?.name.sv ?? (id || '–')
  const team = (id: string | null) => (id ? (m.teams.find((tm) => tm.id === id)?.name.sv ?? id) : 'Inget team')
  const bucketLabel = p.per === 'week' ? 'Vecka som börjar' : 'Dag'
  const tables: StatsTable[] = [
    {
      id: 'inkomna', title: 'Inkomna ärenden per e-tjänst och kanal', header: [bucketLabel, 'E-tjänst', 'Kanal', 'Antal'],
      rows: s.received.map((r) => [r.bucket, title(r.formId), channelLabel(r.channel), r.n]),
    },
    {
      id: 'avslutade', title: 'Avslutade ärenden: hanterade av servicecenter och vidarebefordrade', header: ['Hanterat av', 'Antal', 'Andel'],
      rows: [
        ['Servicecenter', s.closed.byServicecenter, pct(s.closed.byServicecenter, s.closed.byServicecenter + s.closed.forwarded)],
        ['Vidarebefordrat till förvaltning', s.closed.forwarded, pct(s.closed.forwarded, s.closed.byServicecenter + s.closed.forwarded)],
      ],
    },
    {
      id: 'tider', title: 'Handläggningstider (median) och kompletteringar', header: ['Mått', 'Värde'],
      rows: [
        ['Inkomna ärenden i perioden', s.medians.cases],
        ['Tid till första åtgärd', hours(s.medians.firstActionHours)],
        ['Tid till beslut', hours(s.medians.decisionHours)],
        ['Ärenden med begärd komplettering', s.supplements.withSupplement],
        ['Andel med komplettering', pct(s.supplements.withSupplement, s.supplements.cases)],
      ],
    },
    { id: 'oppna', title: 'Öppna ärenden efter ålder (just nu)', header: ['Ålder', 'Antal'], rows: s.openByAge.map((o) => [o.bucket, o.n]) },
    {
      id: 'hjalp', title: 'Hjälp av personal vid kunddatorerna per plats', header: ['Plats', 'Antal förfrågningar', 'Väntetid till personal (median)'],
      rows: help.map((h) => [h.name, h.requests, minutes(h.medianMinutesToStaff)]),
    },
    {
      id: 'kontakter', title: 'Kontakter per kanal och orsak', header: ['Kanal', 'Orsak', 'Antal', 'Besvarade direkt', 'Andel besvarade direkt (%)'],
      rows: contacts.byChannelReason.map((r) => [channelLabel(r.channel), reason(r.reason), r.n, r.atFirstContact, share(r.atFirstContact, r.n)]),
    },
    {
      id: 'team', title: 'Per team: kontakter besvarade direkt och ärenden hanterade inom tidsfrist', header: ['Team', ...HANDLING_HEADER],
      rows: contacts.byTeam.map((c) => handlingRow(team(c.key), c)),
    },
    {
      id: 'handlaggare', title: 'Per handläggare: kontakter besvarade direkt och ärenden hanterade inom tidsfrist', header: ['Handläggare', ...HANDLING_HEADER],
      rows: contacts.byHandler.map((c) => handlingRow(c.name ?? 'Inte tilldelat', c)),
    },
  ]
  return { stats: s, tables }
}
