import { useForm } from 'react-hook-form'
import { data, Form, Link, redirect, useNavigation } from 'react-router'
import { t } from '#forms/kit/index.ts'
import { readForm } from '#services/auth/csrf.server.ts'
import { getSession } from '#services/auth/session.server.ts'
import { requireMember, SERVICECENTER_ROLES } from '#services/auth/teams.server.ts'
import { municipality } from '#services/config/municipality.server.ts'
import { ASSISTED_CHANNELS } from '#services/cases/register.server.ts'
import { contactForm } from '#services/contacts/contact-form.server.ts'
import { registerContact } from '#services/contacts/register-contact.server.ts'
import { ErrorSummary } from '#app/components/forms/error-summary.tsx'
import { fieldKindsAttribute, fieldKindsReady } from '#app/components/forms/field-kinds.ts'
import { Field, type Values } from '#app/components/forms/field.tsx'
import { anchorFor } from '#app/components/forms/ids.ts'
import { useRootData } from '#app/root-data.ts'
import { validationContext } from '../eservice/flow.server.ts'
import { CallerInput } from './caller-input.tsx'
import { Choices, fieldId, Select } from './case/fields.tsx'
import { channelLabel } from './labels.ts'
import { StaffBar } from './staff-bar.tsx'
import type { Route } from './+types/contact'

const NEXT = [
  { id: 'answered', label: 'Besvarat direkt', hint: 'kontakten avslutas nu' },
  { id: 'open', label: 'Håll öppen', hint: 'hamnar bland dina ärenden' },
  { id: 'forward', label: 'Vidarebefordra till förvaltning' },
]
/** The register form's own inputs, whose errors the summary links to in the `r` namespace. */
const OWN = new Set(['_channel', '_personnummer', '_name', '_next', '_department'])

export async function loader({ request }: Route.LoaderArgs) {
  const member = await requireMember(request, SERVICECENTER_ROLES)
  const m = municipality()
  const done = new URL(request.url).searchParams.get('besvarad')
  return {
    staff: { name: member.name, role: member.role },
    def: contactForm(),
    channels: ASSISTED_CHANNELS.map((c) => ({ id: c, label: channelLabel(c) })),
    // The draft id is the idempotency key: made here, so a double-clicked submit finds the first case.
    draftId: crypto.randomUUID(),
    locations: m.locations.map((l) => ({ id: l.id, label: l.name })),
    departments: m.departments.map((d) => ({ id: d.id, label: d.name.sv })),
    // Only a case number goes in the address: "KON-2026-000012 är registrerad och avslutad".
    done: done && /^[A-Z]+-\d{4}-\d{6}$/.test(done) ? done : null,
  }
}

/** After a navigation inside the app, the questions' kinds are fetched before the page renders (ADR 053). */
export async function clientLoader({ serverLoader, request }: Route.ClientLoaderArgs) {
  const data = await serverLoader()
  await fieldKindsReady(data.def.pages.flatMap((p) => p.fields), request.url)
  return data
}

type ActionData = { errors: Record<string, string>; values: Record<string, string>; draftId: string }

export async function action({ request }: Route.ActionArgs) {
  const member = await requireMember(request, SERVICECENTER_ROLES)
  const form = await readForm(request)
  const session = await getSession(request)
  if (!session) throw redirect('/servicecenter/logga-in')
  const r = await registerContact({ member, sessionHash: session.tokenHash, form, ctx: validationContext('sv') })
  if (r.kind === 'bad-request') throw data(null, { status: 400 })
  // Answered: straight back to an empty form for the next call; otherwise to the case, which is still open.
  if (r.kind === 'registered') throw redirect(r.next === 'answered' ? `/servicecenter/kontakt?besvarad=${r.number}` : `/servicecenter/arenden/${r.caseId}?meddelande=registrerat`)
  const values: Record<string, string> = {}
  for (const [k, v] of form) if (k !== '_csrf' && typeof v === 'string') values[k] = v
  return data<ActionData>({ errors: r.errors, values, draftId: String(form.get('_draft')) }, { status: 400 })
}

/** "Ny kontakt": a call, visit, e-mail or letter that is not an application, registered and closed in one step (ADR 032). */
export default function Contact({ loaderData: d, actionData }: Route.ComponentProps) {
  const root = useRootData()
  const navigation = useNavigation()
  const a = actionData as ActionData | undefined
  const values: Values = a?.values ?? {}
  const errors = a?.errors ?? {}
  const { register } = useForm<Values>({ defaultValues: values })
  const v = (k: string) => a?.values[k] ?? ''
  const fields = d.def.pages[0]!.fields
  const field = (id: string) => fields.find((f) => f.id === id)!
  const kit = (id: string) => <Field field={field(id)} locale="sv" values={values} errors={errors} register={register} csrfToken={root?.csrfToken ?? ''} />
  const summary = Object.entries(errors).map(([key, message]) => ({
    anchor: OWN.has(key) ? fieldId('r', key) : fields.some((f) => f.id === key) ? anchorFor(field(key), key) : 'contact-form', message,
  }))
  return (
    <div lang="sv">
      <title>{`${summary.length ? 'Fel: ' : ''}Ny kontakt – Servicecenter`}</title>
      <StaffBar name={d.staff.name} role={d.staff.role} />
      {d.done && !a && <div className="notice notice--success" role="status"><p>Kontakten {d.done} är registrerad och avslutad som besvarad direkt.</p></div>}
      <ErrorSummary errors={summary} />
      <h1>Ny kontakt</h1>
      <p className="lead">Ett samtal, besök, e-brev eller brev som inte är en ansökan. Gäller det en e-tjänst: <Link to="/servicecenter/registrera">registrera ärendet i e-tjänsten</Link>.</p>
      <Form method="post" noValidate id="contact-form" {...fieldKindsAttribute(fields)}>
        <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
        <input type="hidden" name="_draft" value={a?.draftId ?? d.draftId} />
        <Choices intent="r" name="_channel" label="Hur kom kontakten?" error={errors._channel} chosen={[v('_channel') || 'phone']}
          options={d.channels} />
        <Select intent="r" name="_location" label="Plats (vid besök)" options={d.locations} empty="Ingen plats" defaultValue={v('_location')} />
        {kit('reason')}
        {kit('question')}
        {kit('answer')}
        <Choices intent="r" name="_next" label="Vad händer nu?" error={errors._next} chosen={[v('_next') || 'answered']} options={NEXT} />
        <Select intent="r" name="_department" label="Förvaltning (vid vidarebefordran)" options={d.departments} empty="Ingen" error={errors._department} defaultValue={v('_department')} />
        <h2>Personen (frivilligt)</h2>
        <CallerInput name="_personnummer" medium label="Personnummer" hint="ÅÅÅÅMMDD-NNNN. Då syns kontakten på personens Mina sidor."
          error={errors._personnummer} defaultValue={v('_personnummer')} />
        <CallerInput name="_name" label="Namn" error={errors._name} defaultValue={v('_name')} />
        {kit('phone')}
        {kit('email')}
        <button type="submit" className="button" disabled={navigation.state === 'submitting'}>Registrera kontakten</button>
      </Form>
      <p className="muted">{t(d.def.description, 'sv')}</p>
    </div>
  )
}
