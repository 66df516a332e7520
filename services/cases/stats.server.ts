import { municipality } from '../config/municipality.server.ts'
import { sql } from '../db/sql.server.ts'

/**
 * The measures the servicecenter's goals name (Tyresö's servicecenter report, §5.1: the share of matters
 * the servicecenter handles itself, answer times): cases received per day or week per e-service and
 * channel, handled by the servicecenter versus forwarded, median time to first action and to decision,
 * how often a supplement was needed, and open cases by age. All from case_state, in the municipality's
 * time zone; a period is whole days from `from` to `to` inclusive.
 */
export type Period = { from: string; to: string; per: 'day' | 'week' }

export type Statistics = {
  received: { bucket: string; formId: string; channel: string; n: number }[]
  receivedTotals: { bucket: string; n: number }[]
  closed: { byServicecenter: number; forwarded: number }
  medians: { firstActionHours: number | null; decisionHours: number | null; cases: number }
  supplements: { cases: number; withSupplement: number }
  openByAge: { bucket: string; n: number }[]
}

export const AGE_BUCKETS = ['Under 1 dag', '1–3 dagar', '3–7 dagar', '7–30 dagar', 'Över 30 dagar'] as const

/**
 * `column` within the period: [from 00:00, to+1 00:00) in the municipality's zone, as instants, so a range
 * scan can use the column's index.
 */
export function inPeriod(column: string, p: Pick<Period, 'from' | 'to'>) {
  const db = sql()
  const tz = municipality().timeZone
  return db`${db(column)} >= (${p.from}::date)::timestamp at time zone ${tz} and ${db(column)} < (${p.to}::date + 1)::timestamp at time zone ${tz}`
}

export async function statistics(p: Period): Promise<Statistics> {
  const db = sql()
  const tz = municipality().timeZone
  const unit = p.per === 'week' ? 'week' : 'day'
  const range = inPeriod('s.received_at', p)
  const bucket = db`to_char(date_trunc(${unit}, s.received_at at time zone ${tz}), 'YYYY-MM-DD')`
  const received = await db<Statistics['received']>`
    select ${bucket} as bucket, s.form_id as "formId", s.channel, count(*)::int as n
    from case_state s where ${range} group by 1, 2, 3 order by 1, 2, 3`
  const totals = new Map<string, number>()
  for (const r of received) totals.set(r.bucket, (totals.get(r.bucket) ?? 0) + r.n)

  const closedRange = inPeriod('s.closed_at', p)
  const [closed] = await db<{ byServicecenter: number; forwarded: number }[]>`
    select count(*) filter (where not s.was_forwarded)::int as "byServicecenter", count(*) filter (where s.was_forwarded)::int as forwarded
    from case_state s where ${closedRange}`
  const [medians] = await db<{ firstActionHours: number | null; decisionHours: number | null; cases: number; withSupplement: number }[]>`
    select
      percentile_cont(0.5) within group (order by extract(epoch from s.first_action_at - s.received_at) / 3600)
        filter (where s.first_action_at is not null) as "firstActionHours",
      percentile_cont(0.5) within group (order by extract(epoch from s.decided_at - s.received_at) / 3600)
        filter (where s.decided_at is not null) as "decisionHours",
      count(*)::int as cases, count(*) filter (where s.supplement_count > 0)::int as "withSupplement"
    from case_state s where ${range}`
  const open = await db<{ bucket: number; n: number }[]>`
    select case when age < interval '1 day' then 0 when age < interval '3 days' then 1 when age < interval '7 days' then 2
                when age < interval '30 days' then 3 else 4 end as bucket, count(*)::int as n
    from (select now() - s.received_at as age from case_state s where s.status in ('new', 'in_progress', 'waiting', 'forwarded')) a
    group by 1 order by 1`
  return {
    received,
    receivedTotals: [...totals].map(([b, n]) => ({ bucket: b, n })),
    closed: closed ?? { byServicecenter: 0, forwarded: 0 },
    medians: { firstActionHours: medians?.firstActionHours ?? null, decisionHours: medians?.decisionHours ?? null, cases: medians?.cases ?? 0 },
    supplements: { cases: medians?.cases ?? 0, withSupplement: medians?.withSupplement ?? 0 },
    openByAge: AGE_BUCKETS.map((label, i) => ({ bucket: label, n: open.find((o) => o.bucket === i)?.n ?? 0 })),
  }
}

/**
 * RFC 4180 CSV with a header row, quoted where needed, so Excel and LibreOffice read it. Comma-separated; `;` for
 * files meant for Swedish Excel, which splits on semicolons.
 */
export function toCsv(header: string[], rows: (string | number | null)[][], separator: ',' | ';' = ','): string {
  const cell = (v: string | number | null) => {
    const s = v === null ? '' : String(v)
    return /["\r\n]/.test(s) || s.includes(separator) ? `"${s.replace(/"/g, '""')}"` : s
  }
  return [header, ...rows].map((r) => r.map(cell).join(separator)).join('\r\n') + '\r\n'
}

/** A spreadsheet runs a cell that starts with = + - @ as a formula; text typed that way (a name) stays text. */
export const spreadsheetText = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell)
