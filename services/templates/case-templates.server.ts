import { roleAnswers } from '#forms/kit/index.ts'
import type { StaffMember } from '../auth/teams.server.ts'
import { municipality, todayIso } from '../config/municipality.server.ts'
import type { StaffCase } from '../cases/case-view.server.ts'
import { TEMPLATE_KIND, type TemplateKind } from './kinds.ts'
import { fillTemplate, type PlaceholderValues } from './placeholders.ts'
import { templatesForCase } from './templates.server.ts'
import { dateTimeFormat } from '#forms/kit/intl.ts'

export type CaseTemplates = {
  options: { id: string; kind: TemplateKind; title: string }[]
  /** The chosen template filled from the case, for the form it belongs to; null when none was chosen. */
  filled: { id: string; intent: string; field: string; label: string; text: string } | null
}

/** The case's values for the placeholders, dates in the municipality's time zone as YYYY-MM-DD. */
export function placeholderValues(v: Pick<StaffCase, 'case' | 'state'>, today = todayIso()): PlaceholderValues {
  const day = dateTimeFormat('sv-SE', { timeZone: municipality().timeZone })
  const name = v.case.applicant?.name
  return {
    // The identified applicant, else the name the citizen gave (felanmälan's reporter, ADR 040).
    namn: typeof name === 'string' ? name : roleAnswers(v.case.definition, v.case.answers).applicantName ?? undefined,
    ärendenummer: v.case.number,
    inkom: day.format(v.case.receivedAt),
    frist: v.state.dueAt ? day.format(v.state.dueAt) : undefined,
    idag: today,
  }
}

/**
 * The standard replies the case page offers, and the one chosen with "Använd mallen" (`?mall=<id>`) filled
 * from the case: the page puts the text in its form as if typed, to be edited before sending.
 */
export async function caseTemplates(member: StaffMember, v: StaffCase, chosen: string | null): Promise<CaseTemplates> {
  if (member.role === 'forvaltning') return { options: [], filled: null }
  const templates = await templatesForCase(member, { team: v.state.team, formId: v.case.formId })
  const pick = chosen ? templates.find((tm) => tm.id === chosen) : undefined
  return {
    options: templates.map((tm) => ({ id: tm.id, kind: tm.kind, title: tm.title })),
    filled: pick ? { id: pick.id, ...TEMPLATE_KIND[pick.kind], text: fillTemplate(pick.body, placeholderValues(v)) } : null,
  }
}
