import { Form, Link, redirect, useNavigation } from 'react-router'
import { journey, summarise, t } from '../../../forms/kit/index.ts'
import { readForm } from '../../../services/auth/csrf.server.ts'
import { getSession } from '../../../services/auth/session.server.ts'
import { receiveDraft } from '../../../services/cases/receive.server.ts'
import { SummaryList } from '../../components/summary/summary-list.tsx'
import { translate } from '../../i18n.ts'
import { useRootData } from '../../root-data.ts'
import type { Route } from './+types/check'
import { currentDraft, formBase, requireForm, validationContext } from './flow.server.ts'

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const def = requireForm(params.formId)
  const { draft } = await currentDraft(request, def)
  if (!draft) throw redirect(`${formBase(def)}/${def.pages[0]!.id}`)
  const j = journey(def, draft.answers, validationContext(context.locale))
  if (!j.complete) throw redirect(`${formBase(def)}/${j.firstIncomplete}`)
  const sections = summarise(def, draft.answers, context.locale, { changeBase: formBase(def) })
  const lastPage = sections[sections.length - 1]?.pageId
  return { title: t(def.title, context.locale), sections, draftId: draft.id, locale: context.locale, backHref: `${formBase(def)}/${lastPage}` }
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const def = requireForm(params.formId)
  const form = await readForm(request)
  const session = await getSession(request)
  const draftId = String(form.get('draftId') ?? '')
  if (!session || !/^[0-9a-f-]{36}$/.test(draftId)) throw redirect(formBase(def))
  const result = await receiveDraft({ draftId, sessionHash: session.tokenHash, def, ctx: validationContext(context.locale) })
  if (result.kind === 'received') throw redirect(`${formBase(def)}/kvitto/${result.case.number}`)
  if (result.kind === 'incomplete') throw redirect(`${formBase(def)}/${result.firstIncomplete}`)
  throw redirect(formBase(def))
}

export default function Check({ loaderData }: Route.ComponentProps) {
  const { title, sections, draftId, locale, backHref } = loaderData
  const root = useRootData()
  const navigation = useNavigation()
  return (
    <>
      <title>{`${translate(locale, 'checkTitle')} – ${title}`}</title>
      <Link to={backHref} className="back-link">{translate(locale, 'back')}</Link>
      <span className="caption">{title}</span>
      <h1>{translate(locale, 'checkTitle')}</h1>
      <p className="lead">{translate(locale, 'checkIntro')}</p>
      <SummaryList sections={sections} locale={locale} />
      <h2>{translate(locale, 'sendHeading')}</h2>
      <p>{translate(locale, 'sendText')}</p>
      <Form method="post">
        <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
        {/* The draft id makes sending idempotent: a second click or a replay finds the first case. */}
        <input type="hidden" name="draftId" value={draftId} />
        <button type="submit" className="button" disabled={navigation.state !== 'idle'}>{translate(locale, 'send')}</button>
      </Form>
    </>
  )
}
