import { ltrIn } from '#forms/kit/languages.ts'
import { Form, useNavigation } from 'react-router'
import { requireCitizen } from '#services/auth/citizen.server.ts'
import { readForm } from '#services/auth/csrf.server.ts'
import { answerSupplement, supplementRequestsFor } from '#services/cases/citizen.server.ts'
import { SUPPLEMENT_TEXT_MAX, supplementFilesHint } from '#services/cases/supplement-files.ts'
import { CitizenWritePage, postedFiles, TextAndFilesFields } from '#app/components/forms/text-and-files.tsx'
import { textsIn } from '#app/i18n.ts'
import { useRootData } from '#app/root-data.ts'
import { caseToWriteAbout, citizenWrite, keptThroughOutage, writeHeading } from '../citizen/written.server.ts'
import type { Route } from './+types/answer-supplement'
import { retryAfterHeaders } from '../eservice/retry-after.ts'

// The Retry-After of an upload limit's 429 reaches the browser.
export const headers = retryAfterHeaders

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const found = await caseToWriteAbout(request, params.caseId, context)
  // Kept through a database outage there is no case to read: the form shows again for the request it answered.
  const open = 'case' in found ? (await supplementRequestsFor(found.case.id)).filter((r) => r.open).at(-1) ?? null : null
  return {
    locale: context.locale, ...writeHeading(found, context.locale),
    request: open ? { seq: open.seq, message: open.message, items: open.items.map((i) => i.label), dueDate: open.dueDate } : null,
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const form = await readForm(request)
  const typed = { text: String(form.get('answer') ?? ''), files: postedFiles(form) }
  const requestSeq = Number(form.get('requestSeq'))
  return keptThroughOutage(context, typed, async () => {
    const session = await requireCitizen(request)
    return citizenWrite(context, session, typed, () => answerSupplement({
      caseId: params.caseId, personnummer: session.person.personnummer, name: session.person.name, requestSeq, ...typed, locale: context.locale,
    }), `/mina-sidor/arenden/${params.caseId}`)
  }, { requestSeq })
}

export default function AnswerSupplement({ loaderData: d, actionData: a }: Route.ComponentProps) {
  const root = useRootData()
  const navigation = useNavigation()
  const tx = textsIn(d.locale, 'answerSupplement', { number: ltrIn(d.locale, d.number ?? ''), max: SUPPLEMENT_TEXT_MAX, date: d.request?.dueDate ?? '' })
  const errors: { text?: string; files?: string } = a?.errors ?? {}
  // Kept through a database outage, the page has no request to show, only the one the answer was for.
  const seq = d.request?.seq ?? (a && 'kept' in a ? a.kept?.requestSeq : undefined)
  return (
    <CitizenWritePage heading={d.number ? tx.title : tx.titleKept} caption={d.title} back={{ href: `/mina-sidor/arenden/${d.id}`, text: tx.back }}
      idPrefix="s" errors={errors} errorWord={tx.error} formError={a?.formError}>
      {seq === undefined ? <p>{tx.none}</p> : (
        <>
          {d.request && (
            <section className="notice" aria-labelledby="asked-h">
              <h2 id="asked-h" className="notice__title">{tx.asked}</h2>
              <p className="pre-wrap">{d.request.message}</p>
              {d.request.items.length > 0 && <ul>{d.request.items.map((i) => <li key={i}>{i}</li>)}</ul>}
              <p>{tx.due}</p>
            </section>
          )}
          <Form method="post" encType="multipart/form-data" noValidate>
            <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
            <input type="hidden" name="requestSeq" value={seq} />
            <TextAndFilesFields idPrefix="s" name="answer" errors={errors} defaultText={a?.text ?? ''} hadFiles={a?.hadFiles ?? false}
              tx={{ text: tx.answer, textHint: tx.answerHint, files: tx.files, filesHint: supplementFilesHint(d.locale), chooseAgain: tx.chooseAgain, error: tx.error }} />
            <button type="submit" className="button" disabled={navigation.state === 'submitting'}>{tx.send}</button>
          </Form>
        </>
      )}
    </CitizenWritePage>
  )
}
