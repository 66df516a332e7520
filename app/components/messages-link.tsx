import type { Locale } from '#forms/kit/types.ts'
import { messagesHref } from '#app/i18n.ts'

/**
 * The page's interface texts, in its language only (ADR 044): named here and fetched by the browser before it
 * hydrates (`loadPageMessages`), from a hashed address that is cached for good. They used to be written into
 * every page, 17 kB of each page's HTML that every rendered page had to send and compress.
 */
export function MessagesLink({ locale }: { locale: Locale }) {
  return <link rel="preload" as="fetch" crossOrigin="anonymous" href={messagesHref(locale)} />
}
