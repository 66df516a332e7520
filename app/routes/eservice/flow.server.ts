import { data, redirect } from 'react-router'
import type { FormDefinition, Locale, ValidationContext } from '#forms/kit/index.ts'
import { isCitizen, requireCitizen } from '#services/auth/citizen.server.ts'
import { getSession, type Session } from '#services/auth/session.server.ts'
import { findDraft, reopenDraft } from '#services/cases/drafts.server.ts'
import { adoptOwnedDraft } from '#services/cases/owned-drafts.server.ts'
import { municipality, todayIso } from '#services/config/municipality.server.ts'
import { formById } from '#services/forms/registry.server.ts'

export function requireForm(formId: string | undefined): FormDefinition {
  const def = formById(formId)
  if (!def) throw data(null, { status: 404 })
  return def
}

/**
 * An e-service that needs BankID is only for a logged-in citizen: anyone else is sent to log in and
 * brought back to this page. Others (felanmälan) are open to anyone; their session may not exist yet.
 */
export async function identify(request: Request, def: FormDefinition): Promise<Session | null> {
  return def.identification === 'bankid' ? requireCitizen(request) : getSession(request)
}

/** The applicant a case records: the logged-in person for e-services that need BankID, nobody otherwise. */
export function applicantOf(def: FormDefinition, session: Session | null) {
  return def.identification === 'bankid' && isCitizen(session) ? { personnummer: session.person.personnummer, name: session.person.name } : undefined
}

/** With a citizen session, the logged-in person comes along (rules like `matchesIdentity` need them). */
export function validationContext(locale: Locale, session?: Session | null): ValidationContext {
  const identity = isCitizen(session ?? null) ? { identity: { personalNumber: session!.person!.personnummer, name: session!.person!.name } } : {}
  return { locale, today: todayIso(), bounds: municipality().bounds, settings: municipality().settings, ...identity }
}

export async function currentDraft(request: Request, def: FormDefinition) {
  const session = await identify(request, def)
  let draft = session ? await findDraft(session.tokenHash, def.id) : null
  // A draft this person began on another device (or before logging out) continues here.
  if (!draft && isCitizen(session) && def.identification === 'bankid') draft = await adoptOwnedDraft(session, def.id)
  if (!draft) return { session, draft }
  // Begun on an older version: answers to changed questions go, and the citizen is told where to answer again.
  const reopened = await reopenDraft(draft, def)
  if (reopened.changedPage) throw redirect(`${formBase(def)}/${reopened.changedPage}?${CHANGED_PARAM}`)
  return { session, draft: reopened.draft }
}

/** On a page's address: the e-service changed since the draft was begun (the page shows a notice). */
export const CHANGED_PARAM = 'andrad-tjanst'

export const formBase = (def: FormDefinition) => `/e-tjanster/${def.id}`
