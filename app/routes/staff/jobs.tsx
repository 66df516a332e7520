import { readForm } from '#services/auth/csrf.server.ts'
import { requireMember } from '#services/auth/teams.server.ts'
import { failedJobs, retryingJobs, retryJob, schedulesWithLastRun } from '#services/jobs/admin.server.ts'
import { RowAction } from '#app/components/row-action.tsx'
import { ListTable } from '#app/components/list-table.tsx'
import { formatDateTime } from './labels.ts'
import { StaffBar } from './staff-bar.tsx'
import type { Route } from './+types/jobs'

const DONE: Record<string, string> = {
  igen: 'Jobbet är lagt i kön igen och körs strax.',
  saknas: 'Jobbet finns inte längre bland de misslyckade. Det kan redan ha körts igen.',
}

/**
 * The scheduled jobs for administrators (ADR 027): each schedule with its last run, jobs waiting for a
 * retry, and jobs that used up their attempts, which can be put back in line.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const member = await requireMember(request, ['admin'])
  const iso = (d: Date | null) => d?.toISOString() ?? null
  return {
    staff: { name: member.name, role: member.role },
    done: DONE[new URL(request.url).searchParams.get('klart') ?? ''] ?? null,
    schedules: (await schedulesWithLastRun()).map((s) => ({
      ...s, last: s.last && { ...s.last, tick: s.last.tick.toISOString(), startedAt: s.last.startedAt.toISOString(), finishedAt: iso(s.last.finishedAt) },
    })),
    retrying: (await retryingJobs()).map((j) => ({ ...j, failedAt: j.failedAt.toISOString(), runAt: j.runAt.toISOString() })),
    failed: (await failedJobs()).map((j) => ({ ...j, failedAt: j.failedAt.toISOString() })),
  }
}

export async function action({ request }: Route.ActionArgs) {
  await requireMember(request, ['admin'])
  const form = await readForm(request)
  const retried = await retryJob(String(form.get('id') ?? ''))
  return new Response(null, { status: 303, headers: { Location: `/servicecenter/jobb?klart=${retried ? 'igen' : 'saknas'}` } })
}

const label = (task: string) => ({ housekeeping: 'Gallring', drafts: 'Utkast', outbox: 'E-post' })[task] ?? task

export default function Jobs({ loaderData: d }: Route.ComponentProps) {
  return (
    <div lang="sv">
      <title>Schemalagda jobb – Servicecenter</title>
      <StaffBar name={d.staff.name} role={d.staff.role} />
      <h1>Schemalagda jobb</h1>
      {d.done && <div className="notice notice--success" role="status"><p>{d.done}</p></div>}
      <p>Varje körning görs en gång, hur många servrar portalen än kör på. Ett jobb som misslyckas försöks igen med allt längre mellanrum.</p>
      <h2>Scheman</h2>
      <ListTable caption="Schemalagda jobb och deras senaste körning" columns={['Jobb', 'När', 'Senaste körning']}>
        {d.schedules.map((s) => (
          <tr key={s.task}>
            <td>{s.label}</td><td>{s.when}</td>
            <td>
              {!s.last ? 'Inte körd än' : `${formatDateTime(s.last.startedAt)}: ${s.last.error ? `misslyckades (försök ${s.last.attempt})` : s.last.finishedAt ? 'klar' : 'pågår'}`}
              {s.last?.error && <><br /><span className="muted">{s.last.error}</span></>}
            </td>
          </tr>
        ))}
      </ListTable>
      <h2>Försöks igen</h2>
      {d.retrying.length === 0 ? <p>Inga jobb väntar på ett nytt försök.</p> : (
        <ul>
          {d.retrying.map((j) => (
            <li key={j.id}>{label(j.task)}: försök {j.attempts} av {j.maxAttempts} misslyckades, nästa {formatDateTime(j.runAt)}. <span className="muted">{j.lastError}</span></li>
          ))}
        </ul>
      )}
      <h2>Misslyckade jobb</h2>
      {d.failed.length === 0 ? <p>Inga misslyckade jobb.</p> : (
        <ListTable caption="Jobb som har gett upp, senaste först" columns={['Jobb', 'Gav upp', 'Fel', 'Åtgärd']}>
          {d.failed.map((j) => (
            <tr key={j.id}>
              <td>{label(j.task)}</td>
              <td>{formatDateTime(j.failedAt)} efter {j.attempts} försök</td>
              <td>{j.lastError ?? 'Avbrutet'}</td>
              <td>
                <RowAction fields={{ id: j.id }} label="Försök igen" what={`${label(j.task)} ${j.id}`} />
              </td>
            </tr>
          ))}
        </ListTable>
      )}
    </div>
  )
}
