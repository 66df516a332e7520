import { data, Form, useNavigation } from 'react-router'
import { readForm } from '#services/auth/csrf.server.ts'
import { requireStaff } from '#services/auth/require-staff.server.ts'
import { createEnrolmentCode, listKiosks, revokeKiosk } from '#services/kiosk/kiosks.server.ts'
import { findLocation, locationName, locations } from '#services/kiosk/locations.server.ts'
import { ErrorSummary } from '#app/components/forms/error-summary.tsx'
import { RowAction } from '#app/components/row-action.tsx'
import { useRootData } from '#app/root-data.ts'
import { ListTable } from '#app/components/list-table.tsx'
import { formatDateTime } from '../staff/labels.ts'
import { StaffBar } from '../staff/staff-bar.tsx'
import type { Route } from './+types/staff-kiosks'

const NAME_MAX = 60
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: '/styles/kiosk-staff.css' }]

export async function loader({ request }: Route.LoaderArgs) {
  const staff = await requireStaff(request, ['admin'])
  const kiosks = await listKiosks()
  return {
    staff: { name: staff.name },
    locations: locations().map((l) => ({ id: l.id, name: l.name })),
    kiosks: kiosks.map((k) => ({
      id: k.id, name: k.name, location: locationName(k.location),
      enrolledAt: k.enrolledAt.toISOString(), lastSeenAt: k.lastSeenAt.toISOString(), revokedAt: k.revokedAt?.toISOString() ?? null,
    })),
  }
}

type ActionData =
  | { kind: 'code'; code: string; expiresAt: string; kioskName: string; location: string }
  | { kind: 'errors'; errors: Record<string, string>; values: { kioskName: string; location: string } }
  | { kind: 'revoked'; name: string }

export async function action({ request }: Route.ActionArgs) {
  const staff = await requireStaff(request, ['admin'])
  const form = await readForm(request)
  const intent = String(form.get('intent') ?? '')
  if (intent === 'revoke') {
    const id = String(form.get('kioskId') ?? '')
    if (!UUID.test(id)) throw data(null, { status: 404 })
    const kiosk = (await listKiosks()).find((k) => k.id === id)
    if (!kiosk || !(await revokeKiosk(id, staff.id))) throw data(null, { status: 404 })
    return data<ActionData>({ kind: 'revoked', name: kiosk.name })
  }
  const kioskName = String(form.get('kioskName') ?? '').trim()
  const location = String(form.get('location') ?? '')
  const errors: Record<string, string> = {}
  if (!findLocation(location)) errors.location = 'Välj var kunddatorn står'
  if (!kioskName) errors.kioskName = 'Fyll i ett namn på kunddatorn'
  else if (kioskName.length > NAME_MAX) errors.kioskName = `Namnet får vara högst ${NAME_MAX} tecken`
  if (Object.keys(errors).length) return data<ActionData>({ kind: 'errors', errors, values: { kioskName, location } }, { status: 400 })
  const { code, expiresAt } = await createEnrolmentCode({ location, kioskName, staffId: staff.id })
  return data<ActionData>({ kind: 'code', code, expiresAt: expiresAt.toISOString(), kioskName, location: locationName(location) })
}

export default function StaffKiosks({ loaderData, actionData }: Route.ComponentProps) {
  const { staff, locations, kiosks } = loaderData
  const root = useRootData()
  const navigation = useNavigation()
  const result = actionData as ActionData | undefined
  const errors = result?.kind === 'errors' ? result.errors : {}
  const values = result?.kind === 'errors' ? result.values : { kioskName: '', location: '' }
  const summary = Object.entries(errors).map(([k, message]) => ({ anchor: k === 'location' ? `f-location-${locations[0]?.id}` : `f-${k}`, message }))
  const csrf = <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
  return (
    <div lang="sv">
      <title>{`${summary.length ? 'Fel: ' : ''}Kunddatorer – Servicecenter`}</title>
      <StaffBar name={staff.name} />
      <ErrorSummary errors={summary} />
      <h1>Kunddatorer</h1>
      {result?.kind === 'code' && (
        <div className="panel" role="status">
          <h2 className="panel__title">Engångskod för {result.kioskName}, {result.location}</h2>
          <div className="panel__body">
            <strong className="case-number kiosk-code">{result.code}</strong>
            <p>Öppna <strong>/kiosk/enrol</strong> i kunddatorns webbläsare och skriv koden. Koden kan bara användas en gång och gäller till {formatDateTime(result.expiresAt)}. Den visas bara nu.</p>
          </div>
        </div>
      )}
      {result?.kind === 'revoked' && <div className="notice" role="status"><p>{result.name} är inte längre kunddator.</p></div>}

      <h2>Registrera en kunddator</h2>
      <Form method="post" noValidate>
        {csrf}
        <div className={`field${errors.location ? ' field--error' : ''}`}>
          <fieldset className="fieldset" aria-describedby={errors.location ? 'f-location-error' : undefined}>
            <legend className="legend">Var står kunddatorn?</legend>
            {errors.location && <p id="f-location-error" className="error-message"><span className="visually-hidden">Fel:</span> {errors.location}</p>}
            <div className="radios">
              {locations.map((l) => (
                <div className="radios__item" key={l.id}>
                  <input id={`f-location-${l.id}`} type="radio" name="location" value={l.id} className="radios__input" defaultChecked={values.location === l.id} />
                  <label className="choice-label" htmlFor={`f-location-${l.id}`}>{l.name}</label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <div className={`field${errors.kioskName ? ' field--error' : ''}`}>
          <label className="label" htmlFor="f-kioskName">Namn på kunddatorn</label>
          <div id="f-kioskName-hint" className="hint">Så att personalen ser vilken dator som ber om hjälp, till exempel ”Vid entrén”.</div>
          {errors.kioskName && <p id="f-kioskName-error" className="error-message"><span className="visually-hidden">Fel:</span> {errors.kioskName}</p>}
          <input id="f-kioskName" name="kioskName" type="text" className="input input--medium" maxLength={NAME_MAX} defaultValue={values.kioskName}
            aria-invalid={errors.kioskName ? true : undefined} aria-describedby={errors.kioskName ? 'f-kioskName-hint f-kioskName-error' : 'f-kioskName-hint'} />
        </div>
        <button type="submit" name="intent" value="create" className="button" disabled={navigation.state !== 'idle'}>Skapa engångskod</button>
      </Form>

      <h2>Registrerade kunddatorer</h2>
      {kiosks.length === 0 ? <p>Inga kunddatorer är registrerade.</p> : (
        <ListTable caption="Registrerade kunddatorer" columns={['Namn', 'Plats', 'Registrerad', 'Senast aktiv', 'Status']}>
          {kiosks.map((k) => (
            <tr key={k.id}>
              <td>{k.name}</td>
              <td>{k.location}</td>
              <td>{formatDateTime(k.enrolledAt)}</td>
              <td>{formatDateTime(k.lastSeenAt)}</td>
              <td>
                {k.revokedAt ? `Återkallad ${formatDateTime(k.revokedAt)}` : (
                  <RowAction fields={{ kioskId: k.id }} intent="revoke" label="Återkalla" what={`${k.name}, ${k.location}`} />
                )}
              </td>
            </tr>
          ))}
        </ListTable>
      )}
    </div>
  )
}
