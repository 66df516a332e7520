import { data, Form, Link } from 'react-router'
import { readForm } from '#services/auth/csrf.server.ts'
import { requireMember, SERVICECENTER_ROLES } from '#services/auth/teams.server.ts'
import { municipality } from '#services/config/municipality.server.ts'
import { markSent, pendingLetters, type MarkResult } from '#services/letters/letters.server.ts'
import { recipientLines } from '#services/letters/recipient.ts'
import { ErrorSummary } from '#app/components/forms/error-summary.tsx'
import { useRootData } from '#app/root-data.ts'
import { formatDateTime } from './labels.ts'
import { StaffBar } from './staff-bar.tsx'
import type { Route } from './+types/post-letters'

const KIND = { supplement: 'Begäran om komplettering', decision: 'Beslut' } as const
const teamName = (id: string | null) => (id ? (municipality().teams.find((x) => x.id === id)?.name.sv ?? id) : '–')

/**
 * "Att skicka med post" (ADR 034): supplement requests and decisions going as letters to citizens no e-mail
 * reaches. Staff print them all as one PDF, put them in window envelopes and mark them sent; each case then
 * gets the event "Brev skickat med post". A handläggare sees their teams' letters, leads and admins all.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const member = await requireMember(request, SERVICECENTER_ROLES)
  const letters = await pendingLetters(member)
  return {
    staff: { name: member.name, role: member.role },
    letters: letters.map((l) => ({
      key: l.key, caseId: l.caseId, number: l.number, kind: KIND[l.kind], team: teamName(l.team), to: recipientLines(l.recipient).join(', '),
      createdAt: l.createdAt.toISOString(), printedAt: l.printedAt?.toISOString() ?? null,
    })),
  }
}

export async function action({ request }: Route.ActionArgs) {
  const member = await requireMember(request, SERVICECENTER_ROLES)
  const form = await readForm(request)
  const keys = form.getAll('brev').map(String)
  if (keys.length === 0) return data<{ result?: MarkResult; error?: string }>({ error: 'Välj vilka brev som är skickade' }, { status: 400 })
  return { result: await markSent(member, keys) }
}

export default function PostLetters({ loaderData: d, actionData }: Route.ComponentProps) {
  const root = useRootData()
  const a = actionData as { result?: MarkResult; error?: string } | undefined
  return (
    <div lang="sv">
      <title>{`${a?.error ? 'Fel: ' : ''}Att skicka med post – Servicecenter`}</title>
      <StaffBar name={d.staff.name} role={d.staff.role} />
      <h1>Att skicka med post</h1>
      <p>Brev till medborgare som vi inte når med e-post. Skriv ut alla, lägg dem i fönsterkuvert (C5) och markera dem som skickade.</p>
      {a?.result && (
        <div className="notice notice--success" role="status">
          {a.result.sent.length > 0 && <p>{`Markerade som skickade: ${a.result.sent.join(', ')}.`}</p>}
          {a.result.refused.map((r) => <p key={r.number}>{`${r.number}: ${r.reason}`}</p>)}
        </div>
      )}
      {d.letters.length === 0 ? <p>Inga brev väntar på att skickas.</p> : (
        <>
          <Form method="post" action="/servicecenter/post/brev.pdf" reloadDocument>
            <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
            <button type="submit" className="button">{`Skriv ut alla brev (${d.letters.length}, PDF)`}</button>
          </Form>
          <Form method="post">
            <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
            <ErrorSummary errors={a?.error ? [{ anchor: 'brev-0', message: a.error }] : []} />
            <div className="table-wrap">
              <table className="table">
                <caption className="visually-hidden">Brev som väntar på att skickas, äldst först</caption>
                <thead>
                  <tr><th scope="col">Skickat</th><th scope="col">Ärende</th><th scope="col">Brev</th><th scope="col">Till</th><th scope="col">Team</th><th scope="col">Skapat</th><th scope="col">Utskrivet</th></tr>
                </thead>
                <tbody>
                  {d.letters.map((l, i) => (
                    <tr key={l.key}>
                      <td>
                        <input type="checkbox" name="brev" value={l.key} id={`brev-${i}`} defaultChecked={l.printedAt !== null} className="checkboxes__input" />
                        <label htmlFor={`brev-${i}`} className="visually-hidden">{`Brevet till ${l.to} är skickat`}</label>
                      </td>
                      <td><Link to={`/servicecenter/arenden/${l.caseId}`}>{l.number}</Link></td>
                      <td>{l.kind}</td>
                      <td>{l.to}</td>
                      <td>{l.team}</td>
                      <td>{formatDateTime(l.createdAt)}</td>
                      <td>{l.printedAt ? formatDateTime(l.printedAt) : 'Inte än'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <button type="submit" className="button">Markera valda som skickade</button>
          </Form>
        </>
      )}
    </div>
  )
}
