import { data, Form, Link, redirect, useNavigation } from 'react-router'
import { readForm } from '#services/auth/csrf.server.ts'
import { LEAD_ROLES, requireMember } from '#services/auth/teams.server.ts'
import { municipality } from '#services/config/municipality.server.ts'
import { BODY_MAX, TEMPLATE_KIND, TEMPLATE_KINDS, TITLE_MAX } from '#services/templates/kinds.ts'
import { PLACEHOLDERS } from '#services/templates/placeholders.ts'
import {
  checkTemplate, deleteTemplate, findTemplate, keptTeams, saveTemplate, templateForms, type TemplateInput,
} from '#services/templates/templates.server.ts'
import { ErrorSummary } from '#app/components/forms/error-summary.tsx'
import { useRootData } from '#app/root-data.ts'
import { Choices, fieldId, Select, TextArea, TextInput } from './case/fields.tsx'
import { StaffBar } from './staff-bar.tsx'
import type { Route } from './+types/template-edit'

const NEW = 'ny'

export async function loader({ request, params }: Route.LoaderArgs) {
  const member = await requireMember(request, LEAD_ROLES)
  const teams = keptTeams(member)
  const template = params.templateId === NEW ? null : await findTemplate(params.templateId, teams)
  if (params.templateId !== NEW && !template) throw data(null, { status: 404 })
  return {
    staff: { name: member.name, role: member.role },
    template: template ? { id: template.id, team: template.team, formId: template.formId ?? '', kind: template.kind, title: template.title, body: template.body } : null,
    teams: municipality().teams.filter((tm) => teams.includes(tm.id)).map((tm) => ({ id: tm.id, label: tm.name.sv })),
    forms: templateForms(),
  }
}

type ActionData = { errors: Record<string, string>; values: TemplateInput }

export async function action({ request, params }: Route.ActionArgs) {
  const member = await requireMember(request, LEAD_ROLES)
  const form = await readForm(request)
  const id = params.templateId === NEW ? null : params.templateId
  if (form.get('intent') === 'delete') {
    if (!id || !(await deleteTemplate(member, id))) throw data(null, { status: 404 })
    throw redirect('/servicecenter/mallar?meddelande=borttagen')
  }
  const values: TemplateInput = {
    team: String(form.get('team') ?? ''), formId: String(form.get('formId') ?? ''), kind: String(form.get('kind') ?? ''),
    title: String(form.get('title') ?? ''), body: String(form.get('body') ?? ''),
  }
  const errors = checkTemplate(values, keptTeams(member))
  if (Object.keys(errors).length) return data<ActionData>({ errors, values }, { status: 400 })
  if (!(await saveTemplate(member, id, values))) throw data(null, { status: 404 })
  throw redirect('/servicecenter/mallar?meddelande=sparad')
}

/** One standard reply: written or changed by a team lead, with the placeholders it may hold; or deleted. */
export default function TemplateEdit({ loaderData: d, actionData }: Route.ComponentProps) {
  const root = useRootData()
  const navigation = useNavigation()
  const a = actionData as ActionData | undefined
  const v = a?.values ?? d.template ?? { team: d.teams.length === 1 ? d.teams[0]!.id : '', formId: '', kind: '', title: '', body: '' }
  const errors = a?.errors ?? {}
  const summary = Object.entries(errors).map(([name, message]) => ({ anchor: fieldId('t', name), message }))
  const heading = d.template ? `Ändra mallen ${d.template.title}` : 'Ny mall'
  return (
    <div lang="sv">
      <title>{`${summary.length ? 'Fel: ' : ''}${heading} – Servicecenter`}</title>
      <StaffBar name={d.staff.name} role={d.staff.role} />
      <Link to="/servicecenter/mallar" className="back-link">Alla standardsvar</Link>
      <ErrorSummary errors={summary} />
      <h1>{heading}</h1>
      <Form method="post" noValidate>
        <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
        <Select intent="t" name="team" label="Team" options={d.teams} empty="Välj team" error={errors.team} defaultValue={v.team} />
        <Select intent="t" name="formId" label="E-tjänst" options={d.forms} empty="Alla e-tjänster" error={errors.formId} defaultValue={v.formId} />
        <Choices intent="t" name="kind" label="Används till" error={errors.kind} chosen={[v.kind]}
          options={TEMPLATE_KINDS.map((k) => ({ id: k, label: TEMPLATE_KIND[k].label }))} />
        <TextInput intent="t" name="title" label="Rubrik" hint={`Det handläggarna väljer i listan. Högst ${TITLE_MAX} tecken.`} error={errors.title} defaultValue={v.title} />
        <TextArea intent="t" name="body" label="Text" rows={8} error={errors.body} defaultValue={v.body}
          hint={`Högst ${BODY_MAX} tecken. Platshållare som fylls i från ärendet: ${PLACEHOLDERS.map((p) => `{${p.key}} ${p.label}`).join(', ')}.`} />
        <button type="submit" name="intent" value="save" className="button" disabled={navigation.state === 'submitting'}>Spara mallen</button>
      </Form>
      {d.template && (
        <Form method="post">
          <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
          <button type="submit" name="intent" value="delete" className="button button--secondary">Ta bort mallen</button>
        </Form>
      )}
    </div>
  )
}
