import { Link, redirect } from 'react-router'
import { DRAFT_DAYS, journey, t } from '#forms/kit/index.ts'
import { todayIso } from '#services/config/municipality.server.ts'
import { addDays, formatDate } from '#forms/kit/kinds/date.ts'
import { translate } from '#app/i18n.ts'
import type { Route } from './+types/saved'
import { currentDraft, formBase, requireForm, validationContext } from './flow.server.ts'

/**
 * After "Spara och fortsätt senare": the answers are in the draft, kept DRAFT_DAYS from this save (ADR 013),
 * and the citizen is told until which day and where to find it. Only e-services that keep drafts on Mina
 * sidor (BankID) offer it; anyone else, or no draft, is sent to the e-service's start.
 */
export async function loader({ params, request, context }: Route.LoaderArgs) {
  const def = requireForm(params.formId)
  if (def.identification !== 'bankid') throw redirect(formBase(def))
  const { draft, session } = await currentDraft(request, def)
  if (!draft) throw redirect(formBase(def))
  const j = journey(def, draft.answers, validationContext(context.locale, session))
  return {
    locale: context.locale,
    title: t(def.title, context.locale),
    until: formatDate(addDays(todayIso(), DRAFT_DAYS), context.locale),
    continueHref: `${formBase(def)}/${j.firstIncomplete ?? 'kontrollera'}`,
  }
}

export default function Saved({ loaderData: d }: Route.ComponentProps) {
  return (
    <>
      <title>{`${translate(d.locale, 'savedTitle')} – ${d.title}`}</title>
      <span className="caption">{d.title}</span>
      <h1>{translate(d.locale, 'savedTitle')}</h1>
      <p className="lead">{translate(d.locale, 'savedText', { date: d.until })}</p>
      <p>
        <Link to="/mina-sidor" className="button">{translate(d.locale, 'toMyPages')}</Link>
        <Link to={d.continueHref} className="button button--secondary">{translate(d.locale, 'continueNow')}</Link>
      </p>
    </>
  )
}
