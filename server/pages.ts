/** Minimal pages the HTTP layer answers itself, before React Router sees the request. */
const page = (title: string, body: string) => `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><link rel="stylesheet" href="/styles/app.css"></head>
<body><main class="container" id="main"><h1>${title}</h1>${body}<p><a href="/">Till startsidan</a> · <a href="/" lang="en">To the start page</a></p></main></body></html>`

export const tooLargePage = (limitMb: number) =>
  page('Filerna är för stora', `<p>Det du skickade är större än ${limitMb} MB tillsammans. Gå tillbaka, välj färre eller mindre filer och försök igen.</p>
<p lang="en">What you sent is larger than ${limitMb} MB in total. Go back, choose fewer or smaller files and try again.</p>`)

export const forbiddenPage = () =>
  page('Formuläret kunde inte skickas', `<p>Sidan du skickade från var för gammal eller kom från en annan webbplats. Ladda om sidan och försök igen.</p>
<p lang="en">The page you sent from was too old or came from another site. Reload the page and try again.</p>`)

export const serverErrorPage = () =>
  page('Tjänsten är inte tillgänglig just nu', `<p>Vi har tillfälliga tekniska problem. Försök igen om en stund.</p>
<p lang="en">We have temporary technical problems. Please try again in a while.</p>`)
