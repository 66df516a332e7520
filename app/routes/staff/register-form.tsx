import { useForm } from 'react-hook-form'
import { data, Form, Link, redirect, useNavigation } from 'react-router'
import { t, type Answers, type FileRef } from '#forms/kit/index.ts'
import { definitionIn } from '#forms/kit/translations.ts'
import { readForm } from '#services/auth/csrf.server.ts'
import { getSession } from '#services/auth/session.server.ts'
import { requireMember, SERVICECENTER_ROLES } from '#services/auth/teams.server.ts'
import { municipality } from '#services/config/municipality.server.ts'
import { callerFields } from '#services/cases/caller-fields.ts'
import { registerOnBehalf } from '#services/cases/register.server.ts'
import { ErrorSummary } from '#app/components/forms/error-summary.tsx'
import { fieldKindsAttribute, fieldKindsReady } from '#app/components/forms/field-kinds.ts'
import { Field, type Values } from '#app/components/forms/field.tsx'
import { anchorFor } from '#app/components/forms/ids.ts'
import { inputId } from '#app/components/forms/input-id.ts'
import { useRootData } from '#app/root-data.ts'
import { requireForm, validationContext } from '../eservice/flow.server.ts'
import { Choices, fieldId, Select } from './case/fields.tsx'
import { channelLabel } from './labels.ts'
import { CallerInput } from './caller-input.tsx'
import { StaffBar } from './staff-bar.tsx'
import type { Route } from './+types/register-form'

const CHANNELS = ['phone', 'visit', 'email', 'letter'] as const

export async function loader({ request, params }: Route.LoaderArgs) {
  const member = await requireMember(request, SERVICECENTER_ROLES)
  const def = requireForm(params.formId)
  return {
    staff: { name: member.name, role: member.role },
    // Staff work in Swedish: the definition goes to their browser with its Swedish texts only.
    def: definitionIn(def, 'sv'),
    // The draft id is the idempotency key: made here, so a double-clicked submit finds the first case.
    draftId: crypto.randomUUID(),
    locations: municipality().locations.map((l) => ({ id: l.id, label: l.name })),
  }
}

/** After a navigation inside the app, the questions' kinds are fetched before the page renders (ADR 053). */
export async function clientLoader({ serverLoader, request }: Route.ClientLoaderArgs) {
  const data = await serverLoader()
  await fieldKindsReady(data.def.pages.flatMap((p) => p.fields), request.url)
  return data
}

type ActionData = { errors: Record<string, string>; values: Answers; files: Record<string, FileRef[]>; draftId: string }

export async function action({ request, params }: Route.ActionArgs) {
  const member = await requireMember(request, SERVICECENTER_ROLES)
  const def = requireForm(params.formId)
  const form = await readForm(request)
  const session = await getSession(request)
  if (!session) throw redirect('/servicecenter/logga-in')
  const r = await registerOnBehalf({ member, sessionHash: session.tokenHash, def, form, ctx: validationContext('sv') })
  if (r.kind === 'received') throw redirect(`/servicecenter/arenden/${r.caseId}?meddelande=registrerat`)
  const raw: Answers = { ...r.values }
  for (const k of ['_channel', '_location', '_personnummer', '_name']) raw[k] = String(form.get(k) ?? '')
  return data<ActionData>({ errors: r.errors, values: raw, files: r.files, draftId: String(form.get('_draft')) }, { status: 400 })
}

const OWN = { _channel: 'Hur ärendet kom in', _personnummer: 'Medborgarens personnummer', _name: 'Medborgarens namn' }

export default function RegisterForm({ loaderData: d, actionData }: Route.ComponentProps) {
  const root = useRootData()
  const navigation = useNavigation()
  const a = actionData as ActionData | undefined
  const values = (a?.values ?? {}) as Values
  const errors = a?.errors ?? {}
  const { register } = useForm<Values>({ defaultValues: values })
  const def = d.def
  const own = callerFields(def)
  const fields = def.pages.flatMap((p) => p.fields)
  const summary = Object.entries(errors).map(([key, message]) => {
    if (key in OWN || key === '_form') return { anchor: key === '_channel' ? fieldId('r', '_channel') : key === '_form' ? 'register-form' : fieldId('r', key), message }
    const field = fields.find((f) => key === f.id || key.startsWith(`${f.id}.`))
    return { anchor: field ? anchorFor(field, key) : inputId(key), message }
  })
  const hasFiles = fields.some((f) => f.kind === 'file')
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : '')
  return (
    <div lang="sv">
      <title>{`${summary.length ? 'Fel: ' : ''}Registrera ${t(def.title, 'sv').toLowerCase()} – Servicecenter`}</title>
      <StaffBar name={d.staff.name} role={d.staff.role} />
      <Link to="/servicecenter/registrera" className="back-link">Välj en annan e-tjänst</Link>
      <ErrorSummary errors={summary} />
      <span className="caption">Registrera ärende för en medborgare</span>
      <h1>{t(def.title, 'sv')}</h1>
      <Form method="post" encType={hasFiles ? 'multipart/form-data' : undefined} noValidate id="register-form" {...fieldKindsAttribute(fields)}>
        <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
        <input type="hidden" name="_draft" value={a?.draftId ?? d.draftId} />
        <h2>Ärendet</h2>
        {/* Most matters staff register come by phone: preselected, so a call needs no extra keystroke. */}
        <Choices intent="r" name="_channel" label="Hur kom ärendet in?" error={errors._channel} chosen={[str('_channel') || 'phone']}
          options={CHANNELS.map((c) => ({ id: c, label: channelLabel(c) }))} />
        <Select intent="r" name="_location" label="Plats (vid besök)" options={d.locations} empty="Ingen plats" defaultValue={str('_location')} />
        <h2>Medborgaren</h2>
        {(own.name || own.personnummer) && <p>{own.name && own.personnummer ? 'Namn och personnummer' : own.name ? 'Namnet' : 'Personnumret'} fyller du i under e-tjänstens frågor nedan.</p>}
        {!own.personnummer && (
          <CallerInput name="_personnummer" medium label={`Medborgarens personnummer${def.identification === 'none' ? ' (frivilligt)' : ''}`}
            hint={`ÅÅÅÅMMDD-NNNN. ${def.identification === 'none' ? 'Behövs inte för den här e-tjänsten.' : 'Ärendet syns sedan på medborgarens Mina sidor.'}`}
            error={errors._personnummer} defaultValue={str('_personnummer')} />
        )}
        {!own.name && (
          <CallerInput name="_name" label={`Medborgarens namn${def.identification === 'none' ? ' (frivilligt)' : ''}`} error={errors._name} defaultValue={str('_name')} />
        )}
        {def.pages.map((page) => (
          <section key={page.id} aria-labelledby={`page-${page.id}`}>
            <h2 id={`page-${page.id}`}>{t(page.title, 'sv')}</h2>
            {page.fields.map((f) => f.kind === 'file' ? (
              <div key={f.id} className={`field${errors[f.id] ? ' field--error' : ''}`}>
                <label className="label" htmlFor={inputId(f.id)}>{t(f.label, 'sv')}{f.optional ? ' (frivilligt)' : ''}</label>
                {errors[f.id] && <p id={`${inputId(f.id)}-error`} className="error-message"><span className="visually-hidden">Fel:</span> {errors[f.id]}</p>}
                {(a?.files[f.id] ?? []).length > 0 && <p>Sparade filer: {(a?.files[f.id] ?? []).map((x) => x.name).join(', ')}</p>}
                <input id={inputId(f.id)} name={f.id} type="file" multiple={f.maxFiles > 1} accept={f.accept.join(',')} className="file-input"
                  aria-describedby={errors[f.id] ? `${inputId(f.id)}-error` : undefined} />
              </div>
            ) : (
              <Field key={f.id} field={f} locale="sv" values={values} errors={errors} register={register} csrfToken={root?.csrfToken ?? ''} />
            ))}
          </section>
        ))}
        <button type="submit" className="button" disabled={navigation.state === 'submitting'}>Registrera ärendet</button>
      </Form>
    </div>
  )
}
