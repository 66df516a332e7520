import { ltrIn } from '#forms/kit/languages.ts'
import { Form, useNavigation } from 'react-router'
import { requireCitizen } from '#services/auth/citizen.server.ts'
import { readForm } from '#services/auth/csrf.server.ts'
import { sendCitizenMessage } from '#services/cases/citizen.server.ts'
import { SUPPLEMENT_TEXT_MAX, supplementFilesHint } from '#services/cases/supplement-files.ts'
import { CitizenWritePage, postedFiles, TextAndFilesFields } from '#app/components/forms/text-and-files.tsx'
import { textsIn } from '#app/i18n.ts'
import { useRootData } from '#app/root-data.ts'
import { caseToWriteAbout, citizenWrite, keptThroughOutage, writeHeading } from './written.server.ts'
import type { Route } from './+types/write-message'
import { retryAfterHeaders } from '../eservice/retry-after.ts'

// The Retry-After of an upload limit's 429 reaches the browser.
export const headers = retryAfterHeaders

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return { locale: context.locale, ...writeHeading(await caseToWriteAbout(request, params.caseId, context), context.locale) }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const form = await readForm(request)
  const typed = { text: String(form.get('message') ?? ''), files: postedFiles(form) }
  return keptThroughOutage(context, typed, async () => {
    const session = await requireCitizen(request)
    return citizenWrite(context, session, typed, () => sendCitizenMessage({
      caseId: params.caseId, personnummer: session.person.personnummer, name: session.person.name, ...typed, locale: context.locale,
    }), `/mina-sidor/arenden/${params.caseId}?meddelande=skickat`)
  })
}

export default function WriteMessage({ loaderData: d, actionData: a }: Route.ComponentProps) {
  const root = useRootData()
  const navigation = useNavigation()
  const tx = textsIn(d.locale, 'writeMessage', { number: ltrIn(d.locale, d.number ?? ''), max: SUPPLEMENT_TEXT_MAX })
  const errors: { text?: string; files?: string } = a?.errors ?? {}
  return (
    <CitizenWritePage heading={d.number ? tx.title : tx.titleKept} caption={d.title} back={{ href: `/mina-sidor/arenden/${d.id}`, text: tx.back }}
      idPrefix="m" errors={errors} errorWord={tx.error} formError={a?.formError}>
      <p>{tx.intro}</p>
      <Form method="post" encType="multipart/form-data" noValidate>
        <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
        <TextAndFilesFields idPrefix="m" name="message" errors={errors} defaultText={a?.text ?? ''} hadFiles={a?.hadFiles ?? false}
          tx={{ ...tx, filesHint: supplementFilesHint(d.locale) }} />
        <button type="submit" className="button" disabled={navigation.state === 'submitting'}>{tx.send}</button>
      </Form>
    </CitizenWritePage>
  )
}
