import { data } from 'react-router'
import { getForm } from '../../../forms/registry.ts'
import type { FormDefinition, Locale, ValidationContext } from '../../../forms/kit/index.ts'
import { getSession } from '../../../services/auth/session.server.ts'
import { findDraft } from '../../../services/cases/drafts.server.ts'
import { municipality, todayIso } from '../../../services/config/municipality.server.ts'

export function requireForm(formId: string | undefined): FormDefinition {
  const def = formId ? getForm(formId) : undefined
  if (!def) throw data(null, { status: 404 })
  return def
}

export function validationContext(locale: Locale): ValidationContext {
  return { locale, today: todayIso(), bounds: municipality().bounds }
}

export async function currentDraft(request: Request, def: FormDefinition) {
  const session = await getSession(request)
  const draft = session ? await findDraft(session.tokenHash, def.id) : null
  return { session, draft }
}

export const formBase = (def: FormDefinition) => `/e-tjanster/${def.id}`
