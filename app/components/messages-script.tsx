import type { Locale } from '#forms/kit/types.ts'
import { MESSAGES_ELEMENT_ID, messagesJson } from '#app/i18n.ts'

/**
 * The page's interface texts, in its language only, as JSON the browser reads before hydrating (ADR 044). A
 * data block is never run, so it needs no CSP nonce, and the first-visit cache can keep it in the page.
 */
export function MessagesScript({ locale }: { locale: Locale }) {
  return <script id={MESSAGES_ELEMENT_ID} type="application/json" data-locale={locale} dangerouslySetInnerHTML={{ __html: messagesJson(locale) }} />
}
