import { Form, useNavigation } from 'react-router'
import { fill } from '#forms/kit/text.ts'
import { requireCitizen } from '#services/auth/citizen.server.ts'
import { readForm } from '#services/auth/csrf.server.ts'
import { answerSupplement, supplementRequestsFor } from '#services/cases/citizen.server.ts'
import { SUPPLEMENT_TEXT_MAX, supplementFilesHint } from '#services/cases/supplement-files.ts'
import { CitizenWritePage, postedFiles, TextAndFilesFields } from '#app/components/forms/text-and-files.tsx'
import { useRootData } from '#app/root-data.ts'
import { caseToWriteAbout, citizenWrite, keptThroughOutage, writeHeading } from '../citizen/written.server.ts'
import type { Route } from './+types/answer-supplement'
import { retryAfterHeaders } from '../eservice/retry-after.ts'

// Citizen-facing words of this page, in both languages (issue 5's part of Mina sidor).
const TEXT = {
  sv: {
    title: 'Komplettera ärende {number}', titleKept: 'Komplettera ditt ärende', back: 'Tillbaka till ärendet', asked: 'Det här behöver vi', due: 'Svara senast {date}.',
    answer: 'Ditt svar', answerHint: 'Skriv det vi frågar efter. Högst {max} tecken.', files: 'Bifoga filer (frivilligt)',
    send: 'Skicka kompletteringen', none: 'Det finns ingen begäran om komplettering att svara på just nu.', error: 'Fel: ',
    chooseAgain: 'Välj filerna igen om du vill bifoga dem.',
  },
  en: {
    title: 'Add information to case {number}', titleKept: 'Add information to your case', back: 'Back to the case', asked: 'What we need', due: 'Reply by {date}.',
    answer: 'Your answer', answerHint: 'Write what we ask for. {max} characters at most.', files: 'Attach files (optional)',
    send: 'Send the information', none: 'There is no request for more information to answer right now.', error: 'Error: ',
    chooseAgain: 'Choose the files again if you want to attach them.',
  },
} as const

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
  const tx = TEXT[d.locale]
  const errors: { text?: string; files?: string } = a?.errors ?? {}
  // Kept through a database outage, the page has no request to show, only the one the answer was for.
  const seq = d.request?.seq ?? (a && 'kept' in a ? a.kept?.requestSeq : undefined)
  return (
    <CitizenWritePage heading={d.number ? fill(tx.title, { number: d.number }) : tx.titleKept} caption={d.title} back={{ href: `/mina-sidor/arenden/${d.id}`, text: tx.back }}
      idPrefix="s" errors={errors} errorWord={tx.error} formError={a?.formError}>
      {seq === undefined ? <p>{tx.none}</p> : (
        <>
          {d.request && (
            <section className="notice" aria-labelledby="asked-h">
              <h2 id="asked-h" className="notice__title">{tx.asked}</h2>
              <p className="pre-wrap">{d.request.message}</p>
              {d.request.items.length > 0 && <ul>{d.request.items.map((i) => <li key={i}>{i}</li>)}</ul>}
              <p>{fill(tx.due, { date: d.request.dueDate })}</p>
            </section>
          )}
          <Form method="post" encType="multipart/form-data" noValidate>
            <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
            <input type="hidden" name="requestSeq" value={seq} />
            <TextAndFilesFields idPrefix="s" name="answer" errors={errors} defaultText={a?.text ?? ''} hadFiles={a?.hadFiles ?? false}
              tx={{ text: tx.answer, textHint: fill(tx.answerHint, { max: SUPPLEMENT_TEXT_MAX }), files: tx.files, filesHint: supplementFilesHint(d.locale), chooseAgain: tx.chooseAgain, error: tx.error }} />
            <button type="submit" className="button" disabled={navigation.state === 'submitting'}>{tx.send}</button>
          </Form>
        </>
      )}
    </CitizenWritePage>
  )
}
