import { FORMS } from '#forms/registry.ts'
import { t } from '#forms/kit/index.ts'
import type { StaffMember } from '../auth/teams.server.ts'
import { municipality } from '../config/municipality.server.ts'
import { UUID } from '../cases/queries.server.ts'
import { CONTACT_FORM_ID } from '../contacts/definition.ts'
import { contactForm } from '../contacts/contact-form.server.ts'
import { sql } from '../db/sql.server.ts'
import { BODY_MAX, isTemplateKind, TEMPLATE_KIND, TITLE_MAX, type TemplateKind } from './kinds.ts'
import { PLACEHOLDERS, unknownPlaceholders } from './placeholders.ts'

export type ReplyTemplate = {
  id: string
  team: string
  /** The e-service (or `kontakt`) it is for; null: every one. */
  formId: string | null
  kind: TemplateKind
  title: string
  body: string
  updatedAt: Date
}

/**
 * The teams whose standard replies a member keeps: a team lead their own teams, an administrator every team in
 * the profile. Everyone else none (the routes refuse them by role first).
 */
export function keptTeams(member: StaffMember): string[] {
  if (member.role === 'admin') return municipality().teams.map((tm) => tm.id)
  return member.role === 'teamledare' ? member.teams : []
}

/** The e-services a template may be for, with contacts, as options: id and Swedish title. */
export function templateForms(): { id: string; label: string }[] {
  return [...FORMS, contactForm()].map((f) => ({ id: f.id, label: t(f.title, 'sv') }))
}

const columns = () => sql()`id, team, form_id as "formId", kind, title, body, updated_at as "updatedAt"`

/** The standard replies of these teams, by team, kind and title. */
export async function listTemplates(teams: string[]): Promise<ReplyTemplate[]> {
  if (!teams.length) return []
  return sql()<ReplyTemplate[]>`select ${columns()} from reply_templates where team in ${sql()(teams)} order by team, kind, title, id`
}

/** One template, if it belongs to one of these teams (another team's is as good as missing). */
export async function findTemplate(id: string, teams: string[]): Promise<ReplyTemplate | null> {
  if (!UUID.test(id) || !teams.length) return null
  const [row] = await sql()<ReplyTemplate[]>`select ${columns()} from reply_templates where id = ${id} and team in ${sql()(teams)}`
  return row ?? null
}

/**
 * The standard replies that fit a case: its team's and those of the reader's teams, for its e-service or for all.
 * Shown on the case page, whose own rules decide who may open the case.
 */
export async function templatesForCase(member: StaffMember, c: { team: string | null; formId: string }): Promise<ReplyTemplate[]> {
  const teams = [...new Set([...(c.team ? [c.team] : []), ...member.teams])]
  if (!teams.length) return []
  return sql()<ReplyTemplate[]>`
    select ${columns()} from reply_templates
    where team in ${sql()(teams)} and (form_id is null or form_id = ${c.formId})
    order by kind, title, id`
}

export type TemplateInput = { team: string; formId: string; kind: string; title: string; body: string }

/** The posted template with the message for each problem, in the words a team lead can act on. */
export function checkTemplate(input: TemplateInput, teams: string[]): Record<string, string> {
  const errors: Record<string, string> = {}
  if (!teams.includes(input.team)) errors.team = 'Välj ett av dina team'
  if (input.formId && !templateForms().some((f) => f.id === input.formId)) errors.formId = 'Välj en e-tjänst i listan'
  if (!isTemplateKind(input.kind)) errors.kind = 'Välj vad mallen används till'
  if (!input.title.trim()) errors.title = 'Skriv en rubrik för mallen'
  else if (input.title.trim().length > TITLE_MAX) errors.title = `Rubriken får ha högst ${TITLE_MAX} tecken`
  const unknown = unknownPlaceholders(input.body)
  if (!input.body.trim()) errors.body = 'Skriv mallens text'
  else if (input.body.length > BODY_MAX) errors.body = `Texten får ha högst ${BODY_MAX} tecken`
  else if (unknown.length) {
    errors.body = `Okänd platshållare ${unknown.map((k) => `{${k}}`).join(', ')}. Använd ${PLACEHOLDERS.map((p) => `{${p.key}}`).join(', ')}`
  }
  return errors
}

/** Creates (no id) or updates a checked template; null when the id is not one of the member's teams' templates. */
export async function saveTemplate(member: StaffMember, id: string | null, input: TemplateInput): Promise<string | null> {
  const teams = keptTeams(member)
  const row = {
    team: input.team, form_id: input.formId || null, kind: input.kind, title: input.title.trim(),
    body: input.body.replace(/\r\n/g, '\n'), updated_by: member.id,
  }
  if (!id) {
    const [created] = await sql()<{ id: string }[]>`insert into reply_templates ${sql()(row)} returning id`
    return created!.id
  }
  if (!UUID.test(id)) return null
  const [updated] = await sql()<{ id: string }[]>`
    update reply_templates set ${sql()(row)}, updated_at = now() where id = ${id} and team in ${sql()(teams)} returning id`
  return updated?.id ?? null
}

/** Deletes one of the member's teams' templates; false when there was none to delete. */
export async function deleteTemplate(member: StaffMember, id: string): Promise<boolean> {
  const teams = keptTeams(member)
  if (!UUID.test(id) || !teams.length) return false
  const r = await sql()`delete from reply_templates where id = ${id} and team in ${sql()(teams)}`
  return r.count > 0
}

export const kindLabel = (kind: TemplateKind) => TEMPLATE_KIND[kind].label
export const formLabel = (formId: string | null) =>
  formId === null ? 'Alla e-tjänster' : formId === CONTACT_FORM_ID ? 'Kontakt' : (templateForms().find((f) => f.id === formId)?.label ?? formId)
