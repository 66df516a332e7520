import { Link } from 'react-router'
import { t } from '#forms/kit/text.ts'
import { stepNames } from '#forms/kit/steps.ts'
import { textLanguage } from '#forms/kit/languages.ts'
import { NotTranslatedNote } from '#app/components/forms/not-translated.tsx'
import { translate } from '#app/i18n.ts'
import type { Route } from './+types/start'
import { formBase, requireForm } from './flow.server.ts'
import { SCRIPT_FREE } from '#app/script-free.ts'

/** Plain HTML: no scripts for an anonymous visitor (app/script-free.ts). */
export const handle = SCRIPT_FREE

export async function loader({ params, context }: Route.LoaderArgs) {
  const def = requireForm(params.formId)
  return {
    locale: context.locale,
    textLang: textLanguage(def, context.locale),
    title: t(def.title, context.locale),
    description: t(def.description, context.locale),
    needsLogin: def.identification !== 'none',
    sign: def.sign,
    firstHref: `${formBase(def)}/${def.pages[0]!.id}`,
    steps: stepNames(def, context.locale),
  }
}

export default function Start({ loaderData }: Route.ComponentProps) {
  const { locale, textLang, title, description, needsLogin, firstHref, steps, sign } = loaderData
  return (
    <>
      <title>{title}</title>
      <h1 {...textLang}>{title}</h1>
      {textLang && <NotTranslatedNote locale={locale} />}
      <p className="lead" {...textLang}>{description}</p>
      <p>{translate(locale, needsLogin ? 'needsLogin' : 'noLogin')}</p>
      <h2>{translate(locale, 'stepsHeading', { n: steps.length })}</h2>
      <ol className="step-list" {...textLang}>{steps.map((s) => <li key={s}>{s}</li>)}</ol>
      <p>{translate(locale, sign ? 'stepsThenSign' : 'stepsThenSend')}</p>
      <Link to={firstHref} className="button button--start">{translate(locale, 'start')}</Link>
    </>
  )
}
