import { isLocale } from '#forms/kit/languages.ts'
import { catalogHash, messagesJson } from '#app/i18n.ts'
import type { Route } from './+types/i18n-catalog'

/**
 * A language's interface texts as the browser fetches them (`/i18n/sv.<hash>.json`, ADR 044). The address
 * changes with the texts, so the current one is cached for good; an older page asking for an older hash gets the
 * current texts, not cached.
 */
export function loader({ params }: Route.LoaderArgs) {
  const m = /^([a-z]{2,3})\.([0-9a-z]+)\.json$/.exec(params.file)
  const locale = m?.[1]
  if (!m || !isLocale(locale)) throw new Response(null, { status: 404 })
  return new Response(messagesJson(locale), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': m[2] === catalogHash(locale) ? 'public, max-age=31536000, immutable' : 'no-cache',
    },
  })
}
