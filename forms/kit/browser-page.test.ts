import { describe, expect, test } from 'vitest'
import { FORMS } from '../registry.ts'
import { pageSchema } from './schema.ts'
import { t } from './text.ts'
import { definitionIn, definitionTexts, forBrowserPage } from './translations.ts'
import type { Text } from './types.ts'

/** A page's route data carries only that page of the definition, in the page's language. */
describe('forBrowserPage', () => {
  const def = FORMS.find((d) => d.id === 'felanmalan')!
  const page = def.pages[1]!

  test('keeps the name, identification, languages and the one page, and nothing of the others', () => {
    const browser = forBrowserPage(def, page.id, 'sv')
    expect(Object.keys(browser).sort()).toEqual(['id', 'identification', 'languages', 'pages', 'title'])
    expect(browser.pages.map((p) => p.id)).toEqual([page.id])
    expect(browser.pages[0]!.fields.map((f) => f.id)).toEqual(page.fields.map((f) => f.id))
    expect(JSON.stringify(browser).length).toBeLessThan(JSON.stringify(def).length / 2)
  })

  test('carries each text in the page language only, or in Swedish where the e-service is not translated into it', () => {
    for (const form of FORMS)
      for (const locale of ['sv', 'en', 'fi', 'ar'] as const)
        for (const p of form.pages) {
          const browser = forBrowserPage(form, p.id, locale)
          let texts = 0
          // Side by side with the page as the server has it: every text reads the same, from one language.
          const compare = (full: unknown, sent: unknown, path: string) => {
            if (full && typeof full === 'object' && typeof (full as Text).sv === 'string' && typeof (full as Text).en === 'string') {
              texts++
              const expected = (full as Text)[locale] ? locale : 'sv'
              expect(Object.keys(sent as object), `${form.id} ${locale} ${path}`).toEqual([expected])
              expect(t(sent as Text, locale), `${form.id} ${locale} ${path}`).toBe(t(full as Text, locale))
            } else if (full && typeof full === 'object')
              for (const [k, v] of Object.entries(full)) compare(v, (sent as Record<string, unknown>)[k], `${path}.${k}`)
          }
          compare({ title: form.title, pages: [p] }, { title: browser.title, pages: browser.pages }, '')
          expect(texts).toBeGreaterThan(1)
        }
  })

  test('a Swedish page of felanmälan is lighter without the English beside it', () => {
    const before = JSON.stringify({ title: def.title, pages: [page] }).length
    expect(JSON.stringify(forBrowserPage(def, page.id, 'sv')).length).toBeLessThan(before * 0.8)
  })

  test('the browser checks every page with the same schema, and the same messages, as the server', () => {
    for (const form of FORMS)
      for (const locale of ['sv', 'en', 'fi', 'ar'] as const)
        for (const p of form.pages) {
          const ctx = { locale, today: '2026-12-06', settings: {} }
          const browser = forBrowserPage(form, p.id, locale)
          // Nothing answered, and every question answered with a word: the messages a visitor meets on the page.
          for (const answers of [{}, Object.fromEntries(p.fields.map((f) => [f.id, 'x']))]) {
            const onServer = pageSchema(form, p.id, ctx).safeParse(answers)
            const inBrowser = pageSchema(browser, p.id, ctx).safeParse(answers)
            expect(inBrowser.success, `${form.id} ${locale} ${p.id}`).toBe(onServer.success)
            expect(inBrowser.data).toEqual(onServer.data)
            expect(inBrowser.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual(onServer.error?.issues.map((i) => [i.path.join('.'), i.message]))
          }
        }
    expect(forBrowserPage(def, page.id, 'sv')).toBe(forBrowserPage(def, page.id, 'sv'))
  })

  test('staff get the whole definition in Swedish only, made once', () => {
    const swedish = definitionIn(def, 'sv')
    expect(definitionIn(def, 'sv')).toBe(swedish)
    expect(swedish.pages.map((p) => p.id)).toEqual(def.pages.map((p) => p.id))
    const full = [...definitionTexts(def).values()]
    const sent = JSON.stringify(swedish)
    for (const text of full) expect(sent).toContain(JSON.stringify({ sv: text.sv }))
    for (const text of full) if (!text.sv.includes(text.en)) expect(sent).not.toContain(JSON.stringify(text.en))
  })
})
