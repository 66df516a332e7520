import { useEffect, useRef, useState } from 'react'
import { data, Form, useRevalidator } from 'react-router'
import { FORMS } from '#forms/registry.ts'
import { readForm } from '#services/auth/csrf.server.ts'
import { requireStaff } from '#services/auth/require-staff.server.ts'
import { municipality } from '#services/config/municipality.server.ts'
import { helpRequestCounts, openHelpRequests, updateHelpRequest } from '#services/kiosk/help.server.ts'
import { locationName } from '#services/kiosk/locations.server.ts'
import { HELP_ROLES, staffLocation } from '#services/kiosk/staff-location.server.ts'
import { useRootData } from '#app/root-data.ts'
import { formatDateTime } from '../staff/labels.ts'
import { StaffBar } from '../staff/staff-bar.tsx'
import type { Route } from './+types/staff-help'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Where the visitor is, in staff words: the e-service's name, or the kiosk page. */
function describePath(path: string): string {
  const form = /^\/e-tjanster\/([^/]+)/.exec(path)
  if (form) return FORMS.find((f) => f.id === form[1])?.title.sv ?? path
  if (path.startsWith('/kiosk/lanekort')) return 'Inloggning med lånekort'
  if (path.startsWith('/kiosk')) return 'Startsidan'
  return path
}

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: '/styles/kiosk-staff.css' }]

export async function loader({ request }: Route.LoaderArgs) {
  const staff = await requireStaff(request, HELP_ROLES)
  const location = await staffLocation(staff)
  const requests = location ? await openHelpRequests(location) : []
  const counts = await helpRequestCounts(municipality().timeZone)
  return {
    staff: { name: staff.name, role: staff.role },
    location: location ? locationName(location) : null,
    requests: requests.map((r) => ({
      id: r.id, kioskName: r.kioskName, page: describePath(r.path), createdAt: r.createdAt.toISOString(), takenBy: r.takenBy,
    })),
    counts: counts.map((c) => ({ ...c, location: locationName(c.location) })),
  }
}

export async function action({ request }: Route.ActionArgs) {
  const staff = await requireStaff(request, HELP_ROLES)
  const form = await readForm(request)
  const id = String(form.get('id') ?? '')
  const intent = form.get('intent')
  const location = await staffLocation(staff)
  if (!location || !UUID.test(id) || (intent !== 'taken' && intent !== 'done')) throw data(null, { status: 404 })
  await updateHelpRequest(id, intent, staff, location)
  return { ok: true }
}

/**
 * Opens the event stream and reloads the list when a request at this location changes, so a new one
 * shows at once without anyone reloading; new requests are also announced to screen readers.
 */
function useLiveRequests(ids: string[]) {
  const revalidator = useRevalidator()
  const seen = useRef<Set<string> | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const [live, setLive] = useState(false)
  useEffect(() => {
    const source = new EventSource('/servicecenter/hjalp/handelser')
    source.addEventListener('open', () => setLive(true))
    source.addEventListener('error', () => setLive(false))
    source.addEventListener('help', () => void revalidator.revalidate())
    return () => source.close()
    // revalidate is stable enough for this: the stream must not reopen on every list change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  const key = ids.join()
  useEffect(() => {
    const current = new Set(key ? key.split(',') : [])
    if (seen.current) {
      const added = [...current].filter((id) => !seen.current!.has(id)).length
      if (added > 0) setAnnouncement(added === 1 ? 'En ny hjälpförfrågan.' : `${added} nya hjälpförfrågningar.`)
    }
    seen.current = current
  }, [key])
  return { announcement, live }
}

export default function StaffHelp({ loaderData }: Route.ComponentProps) {
  const { staff, location, requests, counts } = loaderData
  const root = useRootData()
  const { announcement, live } = useLiveRequests(requests.map((r) => r.id))
  const csrf = <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
  return (
    <div lang="sv">
      <title>Hjälp vid kunddatorer – Servicecenter</title>
      <StaffBar name={staff.name} role={staff.role} />
      <h1>Hjälp vid kunddatorer</h1>
      <p aria-live="polite" className="visually-hidden">{announcement}</p>
      {!location ? (
        <p>Du är inte kopplad till någon plats. Be en administratör ange var du arbetar.</p>
      ) : (
        <>
          <p className="lead">Besökare vid kunddatorerna i {location} som ber om hjälp visas här direkt.</p>
          <p className="help-live" data-live={live ? 'on' : 'off'}>
            {live ? 'Listan uppdateras automatiskt.' : 'Ladda om sidan för att se nya förfrågningar.'}
          </p>
          {requests.length === 0 ? <p>Ingen väntar på hjälp just nu.</p> : (
            <ul className="help-requests">
              {requests.map((r) => (
                <li key={r.id} className="help-request">
                  <h2 className="help-request__title">{r.kioskName}</h2>
                  <p>{r.page} · sedan {formatDateTime(r.createdAt)}</p>
                  <p><strong>{r.takenBy ? `${r.takenBy} hjälper till` : 'Väntar på hjälp'}</strong></p>
                  <Form method="post" className="help-request__actions">
                    {csrf}
                    <input type="hidden" name="id" value={r.id} />
                    {!r.takenBy && (
                      <button type="submit" name="intent" value="taken" className="button">
                        Jag tar det <span className="visually-hidden">– {r.kioskName}</span>
                      </button>
                    )}
                    <button type="submit" name="intent" value="done" className="button button--secondary">
                      Klar <span className="visually-hidden">– {r.kioskName}</span>
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <h2>Hjälpförfrågningar per plats</h2>
      {counts.length === 0 ? <p>Inga hjälpförfrågningar än.</p> : (
        <div className="table-wrap">
          <table className="table">
            <thead><tr><th scope="col">Plats</th><th scope="col">I dag</th><th scope="col">Senaste 30 dagarna</th></tr></thead>
            <tbody>{counts.map((c) => <tr key={c.location}><td>{c.location}</td><td>{c.today}</td><td>{c.last30}</td></tr>)}</tbody>
          </table>
        </div>
      )}
    </div>
  )
}
