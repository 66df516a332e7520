import type { Intent } from '../cases/commands.ts'

/**
 * What a standard reply is for, and which of the case page's forms it fills: a message to the citizen, a
 * supplement request's message, or a decision's reasons.
 */
export const TEMPLATE_KINDS = ['message', 'supplement', 'decision'] as const
export type TemplateKind = (typeof TEMPLATE_KINDS)[number]

export const TEMPLATE_KIND: Record<TemplateKind, { label: string; intent: Intent; field: string }> = {
  message: { label: 'Meddelande', intent: 'message', field: 'message' },
  supplement: { label: 'Begäran om komplettering', intent: 'supplement', field: 'message' },
  decision: { label: 'Beslutsskäl', intent: 'decide', field: 'reasons' },
}

/** The longest title and text a template may have (the database checks the same). */
export const TITLE_MAX = 200
export const BODY_MAX = 4000

export const isTemplateKind = (v: unknown): v is TemplateKind => typeof v === 'string' && (TEMPLATE_KINDS as readonly string[]).includes(v)
