import { setupI18n, type I18n, type Messages } from '@lingui/core'
import { useRouteLoaderData } from 'react-router'
import { provideKitTexts } from '#forms/kit/catalog.ts'
import type { Locale } from '#forms/kit/types.ts'
import type reference from './locales/sv.json'

/**
 * The portal's interface texts (ADR 044): one ICU MessageFormat catalog per language in app/locales/, compiled on
 * the server (app/i18n.server.ts) and formatted with Lingui. The browser gets only its page's language: the page
 * names that catalog's file (MessagesLink; a hashed address, cached for good) and the browser fetches it before
 * hydrating (`loadPageMessages`), so no translation is in the JavaScript bundle or in every page's HTML.
 * E-service texts live in their form definitions.
 */

/** Every key; the Swedish catalog is the reference, and a unit test holds every other catalog to its keys. */
export type MessageKey = Exclude<keyof typeof reference, '_meta'>
/** The keys of one part of the catalog ("ui", "kiosk", "limits"), without the part's prefix. */
export type KeyIn<Part extends string> = MessageKey extends infer K ? (K extends `${Part}.${infer Rest}` ? Rest : never) : never
type Vars = Record<string, string | number>

type Loaded = { i18n: I18n; json: string; hash?: string }
const loaded = new Map<Locale, Loaded>()

/** Makes a language's compiled messages available: on the server every catalog at start, in the browser the page's. */
export function provideMessages(locale: Locale, messages: Messages, json = JSON.stringify(messages)) {
  loaded.set(locale, { i18n: setupI18n({ locale, messages: { [locale]: messages } }), json })
}

const catalogOf = (locale: Locale): Loaded | undefined => loaded.get(locale)

/** A language's catalog as JSON: the file the browser fetches. */
export const messagesJson = (locale: Locale) => catalogOf(locale)?.json ?? '{}'

/** FNV-1a over the catalog, in base 36: a new catalog gets a new address, so the old one can be cached for good. */
function hashOf(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return (h >>> 0).toString(36)
}

/** Computed once per catalog: every page names the file. */
export function catalogHash(locale: Locale): string {
  const catalog = catalogOf(locale)
  if (!catalog) return hashOf('{}')
  return (catalog.hash ??= hashOf(catalog.json))
}
export const CATALOG_PATH = '/i18n/'
/** Where the browser fetches a language's catalog: the same on the server and, once fetched, in the browser. */
export const messagesHref = (locale: Locale) => `${CATALOG_PATH}${locale}.${catalogHash(locale)}.json`

/**
 * In the browser, before hydrating: fetches the catalog the page names (its preload link) and makes it the
 * page's. Rejects if it cannot, and the page is then not hydrated (it works as without JavaScript).
 */
export async function loadPageMessages(doc: Document): Promise<void> {
  const link = doc.querySelector<HTMLLinkElement>(`link[rel="preload"][href^="${CATALOG_PATH}"]`)
  const locale = doc.documentElement.lang as Locale
  if (!link || catalogOf(locale)) return
  const res = await fetch(link.href)
  if (!res.ok) throw new Error(`The interface texts answered ${res.status}`)
  const json = await res.text()
  provideMessages(locale, JSON.parse(json) as Messages, json)
}

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
