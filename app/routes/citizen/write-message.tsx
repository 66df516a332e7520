import { data, Form, useNavigation } from 'react-router'
import { fill, t } from '../../../forms/kit/index.ts'
import { requireCitizen } from '../../../services/auth/citizen.server.ts'
import { readForm } from '../../../services/auth/csrf.server.ts'
import { getMyCase } from '../../../services/cases/citizen-cases.server.ts'
import { sendCitizenMessage } from '../../../services/cases/citizen.server.ts'
import { SUPPLEMENT_TEXT_MAX, supplementFilesHint } from '../../../services/cases/supplement-files.ts'
import { CitizenWritePage, postedFiles, TextAndFilesFields } from '../../components/forms/text-and-files.tsx'
import { useRootData } from '../../root-data.ts'
import { afterCitizenWrite } from './written.server.ts'
import type { Route } from './+types/write-message'

// The citizen's words of this page in both languages (issue 5: the message thread on Mina sidor).
const TEXT = {
  sv: {
    title: 'Skriv ett meddelande om ärende {number}', back: 'Tillbaka till ärendet',
    intro: 'Meddelandet kommer till servicecenter och visas under Meddelanden på ditt ärende. Du får svar där och, om vi har din e-postadress, med e-post.',
    text: 'Ditt meddelande', textHint: 'Högst {max} tecken.', files: 'Bifoga filer (frivilligt)',
    chooseAgain: 'Välj filerna igen om du vill bifoga dem.', send: 'Skicka meddelandet', error: 'Fel: ',
  },
  en: {
    title: 'Write a message about case {number}', back: 'Back to the case',
    intro: 'The message goes to the municipality’s service centre and shows under Messages on your case. You get the answer there and, if we have your email address, by email.',
    text: 'Your message', textHint: '{max} characters at most.', files: 'Attach files (optional)',
    chooseAgain: 'Choose the files again if you want to attach them.', send: 'Send the message', error: 'Error: ',
  },
} as const

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const session = await requireCitizen(request)
  const c = await getMyCase(session.person.personnummer, params.caseId)
  if (!c) throw data(null, { status: 404 })
  return { locale: context.locale, id: c.id, number: c.number, title: t(c.title, context.locale) }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const session = await requireCitizen(request)
  const form = await readForm(request)
  const text = String(form.get('message') ?? '')
  const files = postedFiles(form)
  const r = await sendCitizenMessage({
    caseId: params.caseId, personnummer: session.person.personnummer, name: session.person.name, text, files, locale: context.locale,
  })
  return afterCitizenWrite(r, { text, files }, `/mina-sidor/arenden/${params.caseId}?meddelande=skickat`)
}

export default function WriteMessage({ loaderData: d, actionData: a }: Route.ComponentProps) {
  const root = useRootData()
  const navigation = useNavigation()
  const tx = TEXT[d.locale]
  const errors: { text?: string; files?: string } = a?.errors ?? {}
  return (
    <CitizenWritePage heading={fill(tx.title, { number: d.number })} caption={d.title} back={{ href: `/mina-sidor/arenden/${d.id}`, text: tx.back }}
      idPrefix="m" errors={errors} errorWord={tx.error}>
      <p>{tx.intro}</p>
      <Form method="post" encType="multipart/form-data" noValidate>
        <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
        <TextAndFilesFields idPrefix="m" name="message" errors={errors} defaultText={a?.text ?? ''} hadFiles={a?.hadFiles ?? false}
          tx={{ ...tx, textHint: fill(tx.textHint, { max: SUPPLEMENT_TEXT_MAX }), filesHint: supplementFilesHint(d.locale) }} />
        <button type="submit" className="button" disabled={navigation.state === 'submitting'}>{tx.send}</button>
      </Form>
    </CitizenWritePage>
  )
}
