import { Form, Link } from 'react-router'
import { journey, t } from '../../../forms/kit/index.ts'
import { requireCitizen } from '../../../services/auth/citizen.server.ts'
import { citizenTimeline } from '../../../services/cases/citizen-timeline.ts'
import { listMyCases } from '../../../services/cases/citizen-cases.server.ts'
import { listOwnedDrafts } from '../../../services/cases/owned-drafts.server.ts'
import { formById } from '../../../services/forms/registry.server.ts'
import { translate } from '../../i18n.ts'
import { useRootData } from '../../root-data.ts'
import { formatWhen } from '../../utils/format-date.ts'
import { validationContext } from '../eservice/flow.server.ts'
import { stageKey } from './stages.ts'
import type { Route } from './+types/my-pages'

export async function loader({ request, context }: Route.LoaderArgs) {
  const session = await requireCitizen(request)
  const locale = context.locale
  const [cases, drafts] = await Promise.all([listMyCases(session.person.personnummer), listOwnedDrafts(session.person.personnummer)])
  const ctx = validationContext(locale, session)
  return {
    locale,
    name: session.person.name,
    cases: cases.map((c) => ({
      id: c.id, number: c.number, title: t(c.title, locale), receivedAt: c.receivedAt.toISOString(), stage: citizenTimeline(c.events).stage,
    })),
    drafts: drafts.flatMap((d) => {
      const def = formById(d.formId)
      if (!def) return []
      // Straight to where the citizen left off: the first page still missing answers, else the check page.
      const j = journey(def, d.answers, ctx)
      const next = j.complete ? 'kontrollera' : (j.firstIncomplete ?? def.pages[0]!.id)
      return [{ id: d.id, title: t(def.title, locale), href: `/e-tjanster/${def.id}/${next}`, updatedAt: d.updatedAt.toISOString(), expiresAt: d.expiresAt.toISOString() }]
    }),
  }
}

export default function MyPages({ loaderData }: Route.ComponentProps) {
  const { locale, name, cases, drafts } = loaderData
  const root = useRootData()
  const tr = (k: Parameters<typeof translate>[1], v?: Record<string, string>) => translate(locale, k, v)
  return (
    <>
      <title>{tr('myPages')}</title>
      <h1>{tr('myPages')}</h1>
      <p className="lead">{tr('loggedInAs', { name })}</p>

      <h2>{tr('myCases')}</h2>
      {cases.length === 0 ? <p>{tr('noCases')}</p> : (
        <ul className="case-cards">
          {cases.map((c) => (
            <li key={c.id} className="case-card">
              <h3 className="case-card__title"><Link to={`/mina-sidor/arenden/${c.id}`}>{c.title}</Link></h3>
              <dl className="facts">
                <div><dt>{tr('caseNumber')}</dt><dd>{c.number}</dd></div>
                <div><dt>{tr('received')}</dt><dd>{formatWhen(c.receivedAt, locale, false)}</dd></div>
                <div><dt>{tr('status')}</dt><dd><strong>{tr(stageKey(c.stage))}</strong></dd></div>
              </dl>
            </li>
          ))}
        </ul>
      )}

      {drafts.length > 0 && (
        <>
          <h2>{tr('myDrafts')}</h2>
          <ul className="case-cards">
            {drafts.map((d) => (
              <li key={d.id} className="case-card">
                <h3 className="case-card__title">{d.title}</h3>
                <p>{tr('draftSavedAt', { at: formatWhen(d.updatedAt, locale), until: formatWhen(d.expiresAt, locale, false) })}</p>
                <Link to={d.href} className="button button--secondary">{tr('continueDraft', { title: d.title })}</Link>
              </li>
            ))}
          </ul>
        </>
      )}

      <h2>{tr('logOut')}</h2>
      <Form method="post" action="/logga-ut" reloadDocument className="button-stack">
        <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
        <button type="submit" name="intent" value="here" className="button button--secondary">{tr('logOut')}</button>
        <button type="submit" name="intent" value="everywhere" className="button button--secondary" aria-describedby="logout-everywhere-hint">{tr('logOutEverywhere')}</button>
      </Form>
      <p id="logout-everywhere-hint" className="hint">{tr('logOutEverywhereHint')}</p>
    </>
  )
}
