import { auditEntries } from '#services/audit/audit.server.ts'
import { readForm } from '#services/auth/csrf.server.ts'
import { requireMember } from '#services/auth/teams.server.ts'
import { recentOutbox, retryMail } from '#services/mail/outbox.server.ts'
import { caughtMails } from '#services/mail/start.server.ts'
import { RowAction } from '#app/components/row-action.tsx'
import { ListTable } from '#app/components/list-table.tsx'
import { formatDateTime } from './labels.ts'
import { auditActionLabel, auditDetail } from './audit-labels.ts'
import { StaffBar } from './staff-bar.tsx'
import type { Route } from './+types/outbox'

/**
 * The administrators' view of what the portal has sent and logged: the e-mail outbox with each mail's
 * delivery state (a failed mail can be put back in line), the development catcher's inbox, and the
 * audit log of case views and searches.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const member = await requireMember(request, ['admin'])
  const iso = (d: Date | null) => d?.toISOString() ?? null
  return {
    staff: { name: member.name, role: member.role },
    outbox: (await recentOutbox()).map((o) => ({ ...o, createdAt: o.createdAt.toISOString(), sentAt: iso(o.sentAt), failedAt: iso(o.failedAt), nextAt: o.nextAt.toISOString() })),
    caught: caughtMails()?.slice(0, 50).map((m) => ({ ...m, receivedAt: m.receivedAt.toISOString() })) ?? null,
    audit: (await auditEntries({ limit: 100 })).map((e) => ({ ...e, at: e.at.toISOString() })),
  }
}

export async function action({ request }: Route.ActionArgs) {
  await requireMember(request, ['admin'])
  const form = await readForm(request)
  await retryMail(String(form.get('id') ?? '0').replace(/\D/g, '') || '0')
  return new Response(null, { status: 303, headers: { Location: '/servicecenter/utkorg' } })
}

export default function Outbox({ loaderData: d }: Route.ComponentProps) {
  return (
    <div lang="sv">
      <title>Utkorg och logg – Servicecenter</title>
      <StaffBar name={d.staff.name} role={d.staff.role} />
      <h1>Utkorg och logg</h1>
      <h2>E-post till medborgare</h2>
      {d.outbox.length === 0 ? <p>Inga e-brev.</p> : (
        <ListTable caption="E-post, nyast först" columns={['Skapat', 'Ärende', 'Till', 'Ämne', 'Läge']}>
          {d.outbox.map((o) => (
            <tr key={o.id}>
              <td>{formatDateTime(o.createdAt)}</td><td>{o.caseNumber ?? '–'}</td><td>{o.to}</td><td>{o.subject}</td>
              <td>
                {o.sentAt ? `Skickat ${formatDateTime(o.sentAt)}` : o.failedAt ? `Misslyckades efter ${o.attempts} försök` : o.sending ? 'Skickas nu' : o.attempts ? `Nytt försök ${formatDateTime(o.nextAt)}` : 'Väntar'}
                {o.lastError && <><br /><span className="muted">{o.lastError}</span></>}
                {o.failedAt && (
                  <RowAction fields={{ id: o.id }} label="Försök igen" what={o.subject} />
                )}
              </td>
            </tr>
          ))}
        </ListTable>
      )}
      {d.caught && (
        <section aria-labelledby="caught-h">
          <h2 id="caught-h">Mottaget av utvecklingsmiljöns e-postfångare</h2>
          <p>Ingen e-post lämnar datorn: en lokal SMTP-server tar emot den. I drift skickas e-post via SMTP_URL.</p>
          {d.caught.length === 0 ? <p>Inget mottaget än.</p> : (
            <ul className="caught-list">
              {d.caught.map((m, i) => (
                <li key={`${m.messageId}-${i}`}>
                  <details>
                    <summary>{m.subject} – till {m.to} ({formatDateTime(m.receivedAt)})</summary>
                    <pre className="mail-text">{m.text}</pre>
                  </details>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <h2>Granskningslogg</h2>
      <p>Vem som har öppnat ärenden och sökt, senaste först.</p>
      <ListTable caption="Granskningslogg" columns={['Tid', 'Vem', 'Vad', 'Ärende', 'Detaljer']}>
        {d.audit.map((e, i) => (
          <tr key={i}>
            <td>{formatDateTime(e.at)}</td><td>{e.staffName ?? '–'}</td><td>{auditActionLabel(e.action)}</td><td>{e.caseNumber ?? '–'}</td>
            <td>{auditDetail(e.details)}</td>
          </tr>
        ))}
      </ListTable>
    </div>
  )
}
