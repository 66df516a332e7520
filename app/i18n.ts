import { setupI18n, type I18n, type Messages } from '@lingui/core'
import { useRouteLoaderData } from 'react-router'
import { provideKitTexts } from '#forms/kit/catalog.ts'
import type { Locale } from '#forms/kit/types.ts'
import type reference from './locales/sv.json'

/**
 * The portal's interface texts (ADR 044): one ICU MessageFormat catalog per language in app/locales/, compiled on
 * the server (app/i18n.server.ts) and formatted with Lingui. The browser gets only its page's language: the
 * server writes that catalog into the page (MessagesScript) and this module reads it from there, so no
 * translation is in the JavaScript bundle. E-service texts live in their form definitions.
 */

/** Every key; the Swedish catalog is the reference, and a unit test holds every other catalog to its keys. */
export type MessageKey = Exclude<keyof typeof reference, '_meta'>
/** The keys of one part of the catalog ("ui", "kiosk", "limits"), without the part's prefix. */
export type KeyIn<Part extends string> = MessageKey extends infer K ? (K extends `${Part}.${infer Rest}` ? Rest : never) : never
type Vars = Record<string, string | number>

type Loaded = { i18n: I18n; json: string }
const loaded = new Map<Locale, Loaded>()
const ELEMENT_ID = 'i18n-messages'

/** JSON that is safe inside a <script> element: no "</script>" or "<!--" can end it early. */
const scriptJson = (messages: Messages) => JSON.stringify(messages).replace(/</g, '\\u003c')

/** Makes a language's compiled messages available: on the server every catalog at start, in the browser the page's. */
export function provideMessages(locale: Locale, messages: Messages, json = scriptJson(messages)) {
  loaded.set(locale, { i18n: setupI18n({ locale, messages: { [locale]: messages } }), json })
}

function catalogOf(locale: Locale): Loaded | undefined {
  const found = loaded.get(locale)
  if (found || typeof document === 'undefined') return found
  // In the browser the page carries its own language's messages; read them once, before the first text is needed.
  const element = document.getElementById(ELEMENT_ID)
  if (element?.dataset.locale !== locale || !element.textContent) return undefined
  provideMessages(locale, JSON.parse(element.textContent) as Messages, element.textContent)
  return loaded.get(locale)
}

/** The id of the element that carries the page's messages, and their JSON (rendered by MessagesScript). */
export const MESSAGES_ELEMENT_ID = ELEMENT_ID
export const messagesJson = (locale: Locale) => catalogOf(locale)?.json ?? '{}'

/** Whether the browser holds this language's messages (false after a client-side change of language). */
export const hasMessages = (locale: Locale) => catalogOf(locale) !== undefined

/**
 * A message of a part kept beside its code (`kit.`, `bankid.`, ADR 050), which exists only in the languages it is
 * translated into: undefined where it is not, so the caller falls back to its own Swedish and English.
 */
export function optionalMessage(locale: Locale, key: string, vars?: Vars): string | undefined {
  const i18n = catalogOf(locale)?.i18n
  return i18n && key in i18n.messages ? i18n._(key, vars) : undefined
}

/** One message in the language, with `{name}` arguments filled; a missing message shows its key instead of nothing. */
export function message(locale: Locale, key: MessageKey, vars?: Vars): string {
  const i18n = catalogOf(locale)?.i18n
  return i18n ? i18n._(key, vars) : key
}

/**
 * Every message of one part, formatted with the same arguments: for a page that hands a block of its texts to
 * a component (`tx.title`, `tx.back`).
 */
export function textsIn<Part extends string>(locale: Locale, part: Part, vars?: Vars): Record<KeyIn<Part>, string> {
  const i18n = catalogOf(locale)?.i18n
  const prefix = `${part}.`
  const texts = {} as Record<KeyIn<Part>, string>
  if (i18n) for (const key of Object.keys(i18n.messages)) if (key.startsWith(prefix)) texts[key.slice(prefix.length) as KeyIn<Part>] = i18n._(key, vars)
  return texts
}

// The form kit's texts beyond Swedish and English come in the same catalog, under `kit.` (forms/kit/catalog.ts).
provideKitTexts((locale, key, vars) => optionalMessage(locale, key, vars))

type RootData = { locale: Locale }

export function useLocale(): Locale {
  return (useRouteLoaderData('root') as RootData | undefined)?.locale ?? 'sv'
}

/**
 * A translator over one part of the catalog: `translate(locale, key, vars)` anywhere, and `useT()` for the
 * current page's language. The portal's texts are the part "ui", the kiosk's "kiosk", the limits' "limits".
 */
export function textTable<Part extends string>(part: Part) {
  const translate = (locale: Locale, key: KeyIn<Part>, vars?: Vars): string => message(locale, `${part}.${key}` as MessageKey, vars)
  const useT = () => {
    const locale = useLocale()
    return (key: KeyIn<Part>, vars?: Vars) => translate(locale, key, vars)
  }
  return { translate, useT }
}

export type UiKey = KeyIn<'ui'>
export const { translate, useT } = textTable('ui')
