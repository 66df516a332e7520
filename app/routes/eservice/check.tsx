import { data, Form, Link, redirect, useLocation, useNavigation } from 'react-router'
import { journey, summarise, t, type Locale } from '#forms/kit/index.ts'
import { readForm } from '#services/auth/csrf.server.ts'
import { receiveDraft } from '#services/cases/receive.server.ts'
import { kioskCaseFields } from '#services/kiosk/cases.server.ts'
import { checkSend } from '#services/limits/sends.server.ts'
import { SendsLimited } from '#app/components/limits/wait-page.tsx'
import { SummaryList } from '#app/components/summary/summary-list.tsx'
import { Ltr } from '#app/components/bidi.tsx'
import { translate } from '#app/i18n.ts'
import { useRootData } from '#app/root-data.ts'
import { retryAfterHeaders } from './retry-after.ts'
import type { Route } from './+types/check'
import { applicantOf, currentDraft, formBase, identify, requireForm, validationContext } from './flow.server.ts'
import { formatPersonnummer } from '#services/signing/visible-text.ts'

export const headers = retryAfterHeaders

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const def = requireForm(params.formId)
  const { draft, session } = await currentDraft(request, def)
  if (!draft) throw redirect(`${formBase(def)}/${def.pages[0]!.id}`)
  const j = journey(def, draft.answers, validationContext(context.locale, session))
  if (!j.complete) throw redirect(`${formBase(def)}/${j.firstIncomplete}`)
  const sections = summarise(def, draft.answers, context.locale, { changeBase: formBase(def) })
  const lastPage = sections[sections.length - 1]?.pageId
  const applicant = applicantOf(def, session)
  return {
    title: t(def.title, context.locale), sections, draftId: draft.id, locale: context.locale, backHref: `${formBase(def)}/${lastPage}`,
    applicant: applicant ? { name: applicant.name, personnummer: formatPersonnummer(applicant.personnummer) } : null,
    signHref: def.sign ? `${formBase(def)}/skriv-under` : null,
  }
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const def = requireForm(params.formId)
  const form = await readForm(request)
  const session = await identify(request, def)
  // An application that must be signed is only ever sent by its signature (skriv-under).
  if (def.sign) throw redirect(`${formBase(def)}/skriv-under`)
  const draftId = String(form.get('draftId') ?? '')
  if (!session || !/^[0-9a-f-]{36}$/.test(draftId)) throw redirect(formBase(def))
  // Over the send limit (issue 10) nothing is sent and the draft stays as it is: a calm page says when to retry.
  const limit = await checkSend({ address: context.clientIp, sessionHash: session.tokenHash, kiosk: Boolean(context.kiosk) })
  if (!limit.ok) return data({ retryAfterSeconds: limit.retryAfterSeconds }, { status: 429, headers: { 'Retry-After': String(limit.retryAfterSeconds) } })
  const result = await receiveDraft({
    draftId, sessionHash: session.tokenHash, def, ctx: validationContext(context.locale, session), applicant: applicantOf(def, session),
    // At a kiosk: channel, location, assisted mode, a library-card applicant (issue 6).
    ...kioskCaseFields(context.kiosk, session),
  })
  if (result.kind === 'received') throw redirect(`${formBase(def)}/kvitto/${result.case.number}`)
  if (result.kind === 'incomplete') throw redirect(`${formBase(def)}/${result.firstIncomplete}`)
  throw redirect(formBase(def))
}

export default function Check({ loaderData, actionData }: Route.ComponentProps) {
  const { title, sections, draftId, locale, backHref, applicant, signHref } = loaderData
  const root = useRootData()
  const navigation = useNavigation()
  const here = useLocation().pathname
  if (actionData) return <SendsLimited retryAfterSeconds={actionData.retryAfterSeconds} locale={locale} backHref={here} />
  return (
    <>
      <title>{`${translate(locale, 'checkTitle')} – ${title}`}</title>
      <Link to={backHref} className="back-link">{translate(locale, 'back')}</Link>
      <span className="caption">{title}</span>
      <h1>{translate(locale, 'checkTitle')}</h1>
      <p className="lead">{translate(locale, 'checkIntro')}</p>
      {applicant && (
        <section className="summary-section">
          <h2 className="summary-section__title">{translate(locale, 'applicant')}</h2>
          <dl className="summary-list">
            <div className="summary-list__row"><dt className="summary-list__key">{translate(locale, 'applicantName')}</dt><dd className="summary-list__value">{applicant.name}</dd></div>
            <div className="summary-list__row"><dt className="summary-list__key">{translate(locale, 'personnummer')}</dt><dd className="summary-list__value"><Ltr text={applicant.personnummer} /></dd></div>
          </dl>
        </section>
      )}
      <SummaryList sections={sections} locale={locale} />
      {signHref ? (
        <>
          <h2>{translate(locale, 'signHeading')}</h2>
          <p>{translate(locale, 'signCheckText')}</p>
          <Link to={signHref} className="button">{translate(locale, 'signButton')}</Link>
        </>
      ) : (
        <SendForm draftId={draftId} locale={locale} csrfToken={root?.csrfToken ?? ''} busy={navigation.state !== 'idle'} />
      )}
    </>
  )
}

function SendForm({ draftId, locale, csrfToken, busy }: { draftId: string; locale: Locale; csrfToken: string; busy: boolean }) {
  return (
    <>
      <h2>{translate(locale, 'sendHeading')}</h2>
      <p>{translate(locale, 'sendText')}</p>
      <Form method="post">
        <input type="hidden" name="_csrf" value={csrfToken} />
        {/* The draft id makes sending idempotent: a second click or a replay finds the first case. */}
        <input type="hidden" name="draftId" value={draftId} />
        <button type="submit" className="button" disabled={busy}>{translate(locale, 'send')}</button>
      </Form>
    </>
  )
}
