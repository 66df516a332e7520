import { loadExtraInputs } from '#field-inputs'
import { loadExtraKinds } from '#kit-extra-kinds'
import { kindsAsked } from '#forms/kit/kinds/extra-names.ts'
import type { FieldDef } from '#forms/kit/types.ts'

/**
 * Kinds fetched on demand (ADR 053). A form names the kinds of its questions in `data-field-kinds`; the browser
 * fetches their code (the kit's check and, where it has one, the input) before the page hydrates, and a route
 * that renders questions fetches them in its `clientLoader` before a navigation inside the app shows it. On the
 * server and in the tests every kind is always there and loading does nothing.
 */
export const FIELD_KINDS_ATTRIBUTE = 'data-field-kinds'

/** The attribute for the `<form>` that holds the questions. */
export const fieldKindsAttribute = (fields: readonly FieldDef[]) => ({ [FIELD_KINDS_ATTRIBUTE]: kindsAsked(fields).join(' ') })

export async function loadFieldKinds(names: readonly string[]): Promise<void> {
  await Promise.all([loadExtraKinds(names), loadExtraInputs(names)])
}

/** The kinds the server-rendered document names, for the entry to fetch before hydrating. */
export const kindsNamedIn = (doc: Document): string[] =>
  [...doc.querySelectorAll<HTMLElement>(`[${FIELD_KINDS_ATTRIBUTE}]`)].flatMap((e) => (e.getAttribute(FIELD_KINDS_ATTRIBUTE) ?? '').split(' ').filter(Boolean))

/**
 * For a route's `clientLoader`: the questions' kinds, fetched before the page renders. If they cannot be
 * fetched (a phone losing its connection), the page is loaded as a document instead, which works without
 * them; the navigation waits for that load rather than rendering a page it cannot draw.
 */
export async function fieldKindsReady(fields: readonly FieldDef[], url: string): Promise<void> {
  try {
    await loadFieldKinds(kindsAsked(fields))
  } catch {
    window.location.assign(url)
    await new Promise<never>(() => {})
  }
}
