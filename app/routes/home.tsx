import { Link } from 'react-router'
import { FORMS } from '#forms/registry.ts'
import { t } from '#forms/kit/text.ts'
import { ltrIn, textLanguage } from '#forms/kit/languages.ts'
import { municipality } from '#services/config/municipality.server.ts'
import { translate } from '../i18n.ts'
import type { Route } from './+types/home'
import { SCRIPT_FREE } from '#app/script-free.ts'

/** Plain HTML: no scripts for an anonymous visitor (app/script-free.ts). */
export const handle = SCRIPT_FREE

export async function loader({ context }: Route.LoaderArgs) {
  const m = municipality()
  return {
    locale: context.locale,
    name: m.name,
    phone: m.contact.phone,
    services: FORMS.map((f) => ({
      id: f.id, title: t(f.title, context.locale), description: t(f.description, context.locale), textLang: textLanguage(f, context.locale),
    })),
  }
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const { locale, name, phone, services } = loaderData
  return (
    <>
      <title>{`${translate(locale, 'eServices')} – ${name}`}</title>
      <h1>{translate(locale, 'startHeading')}</h1>
      <p className="lead">{translate(locale, 'startIntro', { name, phone: ltrIn(locale, phone) })}</p>
      <ul className="service-list">
        {services.map((s) => (
          <li key={s.id} className="service-list__item">
            <h2 className="service-list__title" {...s.textLang}><Link to={`/e-tjanster/${s.id}`}>{s.title}</Link></h2>
            <p {...s.textLang}>{s.description}</p>
          </li>
        ))}
      </ul>
    </>
  )
}
