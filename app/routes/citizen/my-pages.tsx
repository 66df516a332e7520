import { data, Form, Link, redirect } from 'react-router'
import { journey, t } from '#forms/kit/index.ts'
import { Ltr } from '#app/components/bidi.tsx'
import { textLanguageOf } from '#forms/kit/languages.ts'
import { requireCitizen } from '#services/auth/citizen.server.ts'
import { citizenTimeline } from '#services/cases/citizen-timeline.ts'
import { listMyCases } from '#services/cases/citizen-cases.server.ts'
import { listOwnedDrafts } from '#services/cases/owned-drafts.server.ts'
import { deleteOwnedDraft } from '#services/cases/drafts.server.ts'
import { readForm } from '#services/auth/csrf.server.ts'
import { formById } from '#services/forms/registry.server.ts'
import { translate } from '#app/i18n.ts'
import { useRootData } from '#app/root-data.ts'
import { formatWhen } from '#app/utils/format-date.ts'
import { validationContext } from '../eservice/flow.server.ts'
import { MyDataLinks } from './my-data-links.tsx'
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
    draftDeleted: new URL(request.url).searchParams.has('utkast-borttaget'),
    cases: cases.map((c) => ({
      id: c.id, number: c.number, title: t(c.title, locale), textLang: textLanguageOf(c.title, locale), receivedAt: c.receivedAt.toISOString(), stage: citizenTimeline(c.events).stage,
    })),
    drafts: drafts.flatMap((d) => {
      const def = formById(d.formId)
      if (!def) return []
      // Straight to where the citizen left off: the first page still missing answers, else the check page.
      const j = journey(def, d.answers, ctx)
      const next = j.complete ? 'kontrollera' : (j.firstIncomplete ?? def.pages[0]!.id)
      return [{ id: d.id, title: t(def.title, locale), textLang: textLanguageOf(def.title, locale), href: `/e-tjanster/${def.id}/${next}`, updatedAt: d.updatedAt.toISOString(), expiresAt: d.expiresAt.toISOString() }]
    }),
  }
}

/** "Ta bort" on a draft: only the person's own; then back to Mina sidor (Post/Redirect/Get). */
export async function action({ request }: Route.ActionArgs) {
  const session = await requireCitizen(request)
  const form = await readForm(request)
  if (form.get('intent') !== 'delete-draft') throw data(null, { status: 400 })
  await deleteOwnedDraft(session.person.personnummer, String(form.get('draft') ?? ''))
  throw redirect('/mina-sidor?utkast-borttaget')
}

export default function MyPages({ loaderData }: Route.ComponentProps) {
  const { locale, name, cases, drafts, draftDeleted } = loaderData
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
              <h3 className="case-card__title" {...c.textLang}><Link to={`/mina-sidor/arenden/${c.id}`}>{c.title}</Link></h3>
              <dl className="facts">
                <div><dt>{tr('caseNumber')}</dt><dd><Ltr text={c.number} /></dd></div>
                <div><dt>{tr('received')}</dt><dd>{formatWhen(c.receivedAt, locale, false)}</dd></div>
                <div><dt>{tr('status')}</dt><dd><strong>{tr(stageKey(c.stage))}</strong></dd></div>
              </dl>
            </li>
          ))}
        </ul>
      )}

      {draftDeleted && <p role="status" className="notice notice--success">{tr('draftDeleted')}</p>}
      {drafts.length > 0 && (
        <section aria-labelledby="drafts-heading">
          <h2 id="drafts-heading">{tr('myDrafts')}</h2>
          <p>{tr('draftsIntro')}</p>
          <ul className="case-cards">
            {drafts.map((d) => (
              <li key={d.id} className="case-card case-card--draft">
                <h3 className="case-card__title" {...d.textLang}>{d.title}</h3>
                <dl className="facts">
                  <div><dt>{tr('draftLastSaved')}</dt><dd>{formatWhen(d.updatedAt, locale)}</dd></div>
                  <div><dt>{tr('draftKeptUntil')}</dt><dd>{formatWhen(d.expiresAt, locale, false)}</dd></div>
                </dl>
                <Form method="post" className="button-row">
                  <Link to={d.href} className="button">{tr('continueDraft')}<span className="visually-hidden"> {tr('continueDraftWith', { title: d.title })}</span></Link>
                  <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
                  <input type="hidden" name="draft" value={d.id} />
                  <button type="submit" name="intent" value="delete-draft" className="button button--secondary">
                    {tr('deleteDraft')}<span className="visually-hidden"> {d.title}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      )}

      <MyDataLinks locale={locale} atKiosk={!!root?.kiosk} />

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
