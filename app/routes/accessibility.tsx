import { municipality } from '#services/config/municipality.server.ts'
import type { Route } from './+types/accessibility'
import { SCRIPT_FREE } from '#app/script-free.ts'

/** Plain HTML: no scripts for an anonymous visitor (app/script-free.ts). */
export const handle = SCRIPT_FREE

export async function loader({ context }: Route.LoaderArgs) {
  const m = municipality()
  return { locale: context.locale, name: m.name, email: m.contact.email, phone: m.contact.phone }
}

/** The accessibility statement the DOS law (2018:1937) requires, with a way to report problems. */
export default function Accessibility({ loaderData: d }: Route.ComponentProps) {
  if (d.locale === 'en')
    return (
      <>
        <title>Accessibility statement</title>
        <h1>Accessibility statement</h1>
        <p>{d.name} wants everyone to be able to use its e-services. This service aims to meet WCAG 2.1 level AA. Every page is tested automatically with axe, and the forms work with keyboard only, with screen readers and without JavaScript.</p>
        <h2>Known limitations</h2>
        <p>PDF receipts are not tagged for screen readers; the same content is on the receipt web page.</p>
        <h2>Report a problem</h2>
        <p>Email <a href={`mailto:${d.email}`}>{d.email}</a> or call {d.phone}. If you are not satisfied with our answer you can contact Myndigheten för digital förvaltning (DIGG).</p>
      </>
    )
  return (
    <>
      <title>Tillgänglighetsredogörelse</title>
      <h1>Tillgänglighetsredogörelse</h1>
      <p>{d.name} vill att alla ska kunna använda e-tjänsterna. Tjänsten ska uppfylla WCAG 2.1 nivå AA. Varje sida testas automatiskt med axe, och formulären fungerar med enbart tangentbord, med skärmläsare och utan JavaScript.</p>
      <h2>Kända brister</h2>
      <p>PDF-kvitton är inte taggade för skärmläsare; samma innehåll finns på kvittosidan på webben.</p>
      <h2>Rapportera brister</h2>
      <p>Skicka e-post till <a href={`mailto:${d.email}`}>{d.email}</a> eller ring {d.phone}. Om du inte är nöjd med vårt svar kan du kontakta Myndigheten för digital förvaltning (DIGG).</p>
    </>
  )
}
