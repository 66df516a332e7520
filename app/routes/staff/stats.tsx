import { Form } from 'react-router'
import { LEAD_ROLES, requireMember } from '#services/auth/teams.server.ts'
import { BarChart } from './bar-chart.tsx'
import { periodFrom, statsTables } from './stats-tables.server.ts'
import { StaffBar } from './staff-bar.tsx'
import { cellText } from './stats-format.ts'
import type { Route } from './+types/stats'

export async function loader({ request }: Route.LoaderArgs) {
  const member = await requireMember(request, LEAD_ROLES)
  const p = periodFrom(new URL(request.url).searchParams)
  const { stats, tables } = await statsTables(p)
  const query = `fran=${p.from}&till=${p.to}&per=${p.per === 'week' ? 'vecka' : 'dag'}`
  return {
    staff: { name: member.name, role: member.role },
    period: p,
    tables: tables.map((tb) => ({
      ...tb, csvHref: `/servicecenter/statistik.csv?tabell=${tb.id}&${query}`, xlsxHref: `/servicecenter/statistik.xlsx?tabell=${tb.id}&${query}`,
    })),
    charts: {
      received: stats.receivedTotals.map((r) => ({ label: r.bucket.slice(5), value: r.n })),
      closed: [{ label: 'Servicecenter', value: stats.closed.byServicecenter }, { label: 'Vidarebefordrat', value: stats.closed.forwarded }],
      open: stats.openByAge.map((o) => ({ label: o.bucket, value: o.n })),
    },
  }
}

export default function Stats({ loaderData: d }: Route.ComponentProps) {
  const [received, closed, times, open, help, contacts, teams, handlers] = d.tables
  return (
    <div lang="sv">
      <title>Statistik – Servicecenter</title>
      <StaffBar name={d.staff.name} role={d.staff.role} />
      <h1>Statistik</h1>
      <Form method="get" className="filters" aria-label="Period">
        <div className="filter">
          <label className="label label--small" htmlFor="s-fran">Från och med</label>
          <input id="s-fran" name="fran" type="date" className="input" defaultValue={d.period.from} />
        </div>
        <div className="filter">
          <label className="label label--small" htmlFor="s-till">Till och med</label>
          <input id="s-till" name="till" type="date" className="input" defaultValue={d.period.to} />
        </div>
        <div className="filter">
          <label className="label label--small" htmlFor="s-per">Per</label>
          <select id="s-per" name="per" className="select" defaultValue={d.period.per === 'week' ? 'vecka' : 'dag'}>
            <option value="dag">Dag</option><option value="vecka">Vecka</option>
          </select>
        </div>
        <button type="submit" className="button button--secondary">Visa</button>
      </Form>
      <p>Period {d.period.from} – {d.period.to}. Tider räknas från att ärendet kom in.</p>

      <h2>Inkomna ärenden</h2>
      <BarChart id="chart-received" title={`Inkomna ärenden per ${d.period.per === 'week' ? 'vecka' : 'dag'}`} bars={d.charts.received} />
      <StatsTableView table={received!} />

      <h2>Hanterade av servicecenter</h2>
      <BarChart id="chart-closed" title="Avslutade ärenden efter vem som hanterade dem" bars={d.charts.closed} />
      <StatsTableView table={closed!} />

      <h2>Tider och kompletteringar</h2>
      <StatsTableView table={times!} />

      <h2>Öppna ärenden</h2>
      <BarChart id="chart-open" title="Öppna ärenden efter ålder" bars={d.charts.open} />
      <StatsTableView table={open!} />

      <h2>Hjälp vid kunddatorerna</h2>
      <StatsTableView table={help!} />

      <h2>Kontakter</h2>
      <p>Samtal, besök, e-brev och brev som registrerats som kontakter. Besvarade direkt: avslutade i samma steg som de registrerades.</p>
      <StatsTableView table={contacts!} />

      <h2>Per team och handläggare</h2>
      <p>Ärenden som kom in i perioden. Inom tidsfrist: beslutade eller avslutade senast sista dagen enligt e-tjänstens handläggningstid; andelen räknas på ärenden som är klara eller vars frist har gått ut.</p>
      <StatsTableView table={teams!} />
      <StatsTableView table={handlers!} />
    </div>
  )
}

function StatsTableView({ table }: { table: { title: string; header: string[]; rows: (string | number)[][]; csvHref: string; xlsxHref: string } }) {
  return (
    <>
      <div className="table-wrap">
        <table className="table">
          <caption>{table.title}</caption>
          <thead><tr>{table.header.map((h) => <th key={h} scope="col">{h}</th>)}</tr></thead>
          <tbody>
            {table.rows.length === 0 ? <tr><td colSpan={table.header.length}>Inga ärenden i perioden.</td></tr>
              : table.rows.map((r, i) => <tr key={i}>{r.map((c, j) => j === 0 ? <th key={j} scope="row">{cellText(c)}</th> : <td key={j}>{cellText(c)}</td>)}</tr>)}
          </tbody>
        </table>
      </div>
      <p>
        <a href={table.csvHref} download>Ladda ner som CSV<span className="visually-hidden">: {table.title}</span></a>
        {' · '}
        <a href={table.xlsxHref} download>Ladda ner som Excel (xlsx)<span className="visually-hidden">: {table.title}</span></a>
      </p>
    </>
  )
}
