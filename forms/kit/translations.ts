import type { FormDefinition, Locale, Text } from './types.ts'

/**
 * An e-service's texts in the languages beyond Swedish and English (ADR 050). The definition keeps its `{ sv, en }`
 * texts, Swedish being the reference; each further language is one JSON file in the e-service's folder
 * (`forms/felanmalan/fi.json`) that maps a text's key, its place in the definition, to the translation:
 * `title`, `pages.plats.fields.address.label`, `pages.kategori.fields.category.options.gata.label`,
 * `pages.plats.rules.0.message`. A key names items by their `id` or `value`, so reordering pages or options
 * keeps the translations. `forms/translations.test.ts` fails on a missing or extra key and on a message that
 * does not parse.
 */
export type Translation = Record<string, unknown>

/** A `{ sv, en }` object: the definition's citizen-facing texts. */
const isText = (value: unknown): value is Text =>
  !!value && typeof value === 'object' && typeof (value as Text).sv === 'string' && typeof (value as Text).en === 'string'

/** Texts only staff read (the manual checklist, flag findings): they stay Swedish and English. */
const STAFF_ONLY = new Set(['checks', 'flags.*.reason', 'flags.*.clear', 'flags.*.unknown'])
const staffOnly = (path: string[]) => STAFF_ONLY.has(path.join('.')) || (path[0] === 'flags' && STAFF_ONLY.has(`flags.*.${path[2]}`))

/** An array item's key: its id or option value, else its position (page rules have neither). */
const itemKey = (item: unknown, index: number): string => {
  const named = item && typeof item === 'object' ? ((item as { id?: unknown }).id ?? (item as { value?: unknown }).value) : undefined
  return typeof named === 'string' ? named : String(index)
}

/** Every translatable text of the definition, by key, as the objects themselves (so a copy can be filled in). */
export function definitionTexts(def: FormDefinition): Map<string, Text> {
  const out = new Map<string, Text>()
  const walk = (value: unknown, path: string[]) => {
    if (staffOnly(path)) return
    if (isText(value)) {
      out.set(path.join('.'), value)
      return
    }
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, itemKey(item, i)]))
    else if (value && typeof value === 'object') for (const [key, v] of Object.entries(value)) walk(v, [...path, key])
  }
  walk(def, [])
  return out
}

/**
 * The messages of a translation file or catalog: everything but its optional `_meta` (status, translator's notes).
 * One rule for every such file: the interface catalogs, the kit's, BankID's and the e-services'.
 */
export const withoutMeta = (file: Translation): Record<string, unknown> => Object.fromEntries(Object.entries(file).filter(([key]) => key !== '_meta'))

/**
 * The definition with its further languages filled in from their files: a copy (definitions share option lists
 * and common fields, which must not change under another e-service), whose `languages` says which it now speaks.
 * A key the file lacks leaves that text Swedish; the unit test keeps that from happening unnoticed.
 */
export function withTranslations<D extends FormDefinition>(def: D, files: Partial<Record<Locale, Translation>>): D {
  const copy = JSON.parse(JSON.stringify(def)) as D
  const texts = definitionTexts(copy)
  for (const [locale, file] of Object.entries(files) as [Locale, Translation][]) {
    const messages = withoutMeta(file)
    for (const [key, text] of texts) if (typeof messages[key] === 'string') text[locale as Exclude<Locale, 'sv' | 'en'>] = messages[key]
  }
  return { ...copy, languages: [...new Set<Locale>([...(def.languages ?? ['sv', 'en']), ...(Object.keys(files) as Locale[])])] }
}

/**
 * A copy of `value` whose every text holds only what `t(text, locale)` would read: the page's language, or Swedish
 * where the text has no translation. A page's route data then carries one language, not Swedish and English
 * besides (issue 12). The copy's texts are not whole `Text`s any more: read them with `t` and `kitText`, which look
 * at the page's language and then Swedish, and never at a third.
 */
export function inOneLanguage<T>(value: T, locale: Locale): T {
  const collapse = (v: unknown): unknown => {
    if (isText(v)) return v[locale] ? { [locale]: v[locale] } : { sv: v.sv }
    if (Array.isArray(v)) return v.map(collapse)
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, item]) => [k, collapse(item)]))
    return v
  }
  return collapse(value) as T
}

/** What one page of an e-service needs in the browser; the rest of the definition is the server's business. */
export type BrowserPageDefinition = Pick<FormDefinition, 'id' | 'title' | 'identification' | 'languages' | 'pages'>

/** The copies a definition's pages and staff views need, made once per definition and key. */
const copies = new WeakMap<FormDefinition, Map<string, unknown>>()
function copyOnce<T>(def: FormDefinition, key: string, make: () => T): T {
  const byKey = copies.get(def) ?? new Map<string, unknown>()
  copies.set(def, byKey)
  if (!byKey.has(key)) byKey.set(key, make())
  return byKey.get(key) as T
}

/**
 * The definition as a page's route data carries it to the browser: the e-service's name, how it identifies, its
 * languages, and the one page, in the page's language only (`inOneLanguage`). The other pages, letters, routing and checks stay
 * on the server: they were most of each page's route data (föreningsbidrag 31 kB of JSON, its one page 2 kB).
 */
export function forBrowserPage(def: FormDefinition, pageId: string, locale: Locale): BrowserPageDefinition {
  return copyOnce(def, `page|${locale}|${pageId}`, () => {
    const page = def.pages.find((p) => p.id === pageId)
    return inOneLanguage<BrowserPageDefinition>({
      id: def.id, title: def.title, identification: def.identification,
      ...(def.languages ? { languages: def.languages } : {}),
      pages: page ? [page] : [],
    }, locale)
  })
}

/** The whole definition with its texts in one language: what staff, who work in Swedish, get in their browser. */
export const definitionIn = (def: FormDefinition, locale: Locale): FormDefinition =>
  copyOnce(def, `whole|${locale}`, () => inOneLanguage(def, locale))
