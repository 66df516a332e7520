import type { Locale } from '#forms/kit/types.ts'
import { textTable } from '#app/i18n.ts'

/** What a person over an abuse limit (issue 10) is told: the catalogs' "limits" part (app/locales/). */
export const { translate: limitText } = textTable('limits')

/** "4 minuter", or whole hours past an hour (a daily budget may mean a long wait); never "0". */
export function waitText(seconds: number, locale: Locale): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60))
  if (minutes <= 60) return minutes === 1 ? limitText(locale, 'minute') : limitText(locale, 'minutes', { n: minutes })
  const hours = Math.ceil(minutes / 60)
  return hours === 1 ? limitText(locale, 'hour') : limitText(locale, 'hours', { n: hours })
}
