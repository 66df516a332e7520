import { data, redirect } from 'react-router'
import { findPage, journey, pageAnswers, prefillAnswers } from '#forms/kit/index.ts'
import { forBrowserPage } from '#forms/kit/translations.ts'
import { PageForm } from '#app/components/forms/page-form.tsx'
import { fieldKindsReady } from '#app/components/forms/field-kinds.ts'
import { retryAfterHeaders } from './retry-after.ts'
import type { Route } from './+types/page'
import { isDatabaseDown } from '#services/db/db-errors.ts'
import { CHANGED_PARAM, currentDraft, formBase, requireForm, validationContext } from './flow.server.ts'
import { pageAction } from './page-action.server.ts'

export const headers = retryAfterHeaders

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const def = requireForm(params.formId)
  const page = findPage(def, params.pageId)
  if (!page) throw data(null, { status: 404 })
  // After an action kept this page through a database outage, the page shows again without the draft:
  // the posted values fill it (actionData), and the visitor is not sent elsewhere.
  const kept = context.keptForm === true
  const { draft, session } = await currentDraft(request, def).catch((e: unknown) => {
    if (kept && isDatabaseDown(e)) return { draft: null, session: null }
    throw e
  })
  const answers = draft?.answers ?? {}
  const ctx = validationContext(context.locale, session)
  const j = journey(def, answers, ctx)
  const search = new URL(request.url).searchParams
  const formChanged = search.has(CHANGED_PARAM)
  const elsewhere = kept ? undefined : j.redirectFor(page.id)
  if (elsewhere && elsewhere !== page.id) throw redirect(`${formBase(def)}/${elsewhere}${formChanged ? `?${CHANGED_PARAM}` : ''}`)
  const changing = search.has('andra')
  const previous = j.previous(page.id)
  return {
    // Only this page, and of the e-service's further translations only the page's language, goes to the browser.
    def: forBrowserPage(def, page.id, context.locale),
    pageId: page.id,
    answers,
    // Name and personnummer come filled in from the BankID login where the definition says so (`prefill`);
    // they are saved only when the citizen continues, and stay editable for an ombud.
    values: pageAnswers(page, ctx.identity ? prefillAnswers(def, answers, ctx.identity) : answers),
    step: j.step(page.id),
    backHref: changing ? `${formBase(def)}/kontrollera` : previous ? `${formBase(def)}/${previous}` : formBase(def),
    ctx,
    formChanged,
  }
}

/** After a navigation inside the app, the page's question kinds are fetched before it renders (ADR 053). */
export async function clientLoader({ serverLoader, request }: Route.ClientLoaderArgs) {
  const data = await serverLoader()
  await fieldKindsReady(findPage(data.def, data.pageId)?.fields ?? [], request.url)
  return data
}

export async function action({ params, request, context }: Route.ActionArgs) {
  return pageAction(request, requireForm(params.formId), params.pageId, context)
}

export default function EServicePage({ loaderData, actionData }: Route.ComponentProps) {
  return <PageForm {...loaderData} actionData={actionData} />
}
