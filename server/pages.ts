import type { Refusal } from './body-inspection.ts'

/** Minimal pages the HTTP layer answers itself, before React Router sees the request. */
const page = (title: string, body: string) => `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><link rel="stylesheet" href="/styles/app.css"></head>
<body><main class="container" id="main"><h1>${title}</h1>${body}<p><a href="/">Till startsidan</a> · <a href="/" lang="en">To the start page</a></p></main></body></html>`

const REFUSED: Record<Refusal, (limitMb: number) => [string, string, string]> = {
  tooLarge: (mb) => ['Filerna är för stora',
    `Det du skickade är större än ${mb} MB tillsammans. Gå tillbaka, välj färre eller mindre filer och försök igen.`,
    `What you sent is larger than ${mb} MB in total. Go back, choose fewer or smaller files and try again.`],
  type: () => ['Formuläret kunde inte läsas',
    'Det som skickades var inte ett formulär från den här webbplatsen. Gå tillbaka till sidan och skicka formuläret därifrån.',
    'What was sent was not a form from this site. Go back to the page and send the form from there.'],
  malformed: () => ['Formuläret kunde inte läsas',
    'Formuläret kom inte fram helt. Gå tillbaka och skicka det igen.',
    'The form did not arrive complete. Go back and send it again.'],
  tooMany: () => ['Formuläret är för stort',
    'Formuläret innehöll fler fält eller filer än en sida här kan ha. Gå tillbaka och skicka sidan igen.',
    'The form held more fields or files than a page here can have. Go back and send the page again.'],
  fieldTooLong: () => ['Texten är för lång',
    'Ett av fälten innehöll mer text än vi kan ta emot. Gå tillbaka, korta texten och försök igen.',
    'One of the fields held more text than we can receive. Go back, shorten the text and try again.'],
  nul: () => ['Formuläret kunde inte läsas',
    'Det du skickade innehöll ett osynligt tecken (NUL) som inte kan sparas. Gå tillbaka, ta bort tecknet och försök igen.',
    'What you sent held an invisible character (NUL) that cannot be saved. Go back, remove it and try again.'],
  fileName: () => ['Filnamnet kunde inte läsas',
    'Namnet på en av filerna kunde inte läsas. Byt namn på filen, till exempel till intyg.pdf, och försök igen.',
    'The name of one of the files could not be read. Rename the file, for example to certificate.pdf, and try again.'],
}

/** A page in Swedish with the same words in English below, for a visitor who does not read Swedish. */
const bilingualPage = (title: string, sv: string, en: string) => page(title, `<p>${sv}</p>\n<p lang="en">${en}</p>`)

/** The page for a body the HTTP layer refused (server/body-guard.ts): what happened and what to do. */
export function refusedBodyPage(reason: Refusal, limitMb: number) {
  return bilingualPage(...REFUSED[reason](limitMb))
}

export const forbiddenPage = () =>
  bilingualPage('Formuläret kunde inte skickas',
    'Sidan du skickade från var för gammal eller kom från en annan webbplats. Ladda om sidan och försök igen.',
    'The page you sent from was too old or came from another site. Reload the page and try again.')

export const serverErrorPage = () =>
  bilingualPage('Tjänsten är inte tillgänglig just nu',
    'Vi har tillfälliga tekniska problem. Försök igen om en stund.',
    'We have temporary technical problems. Please try again in a while.')
