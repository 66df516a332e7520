import { describe, expect, test } from 'vitest'
import { FORMS } from '../registry.ts'
import { pageSchema } from './schema.ts'
import { definitionTexts, forBrowserPage } from './translations.ts'

/** A page's route data carries only that page of the definition (and the texts of its language). */
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

  test('carries Swedish, English and the page language only', () => {
    const finnish = forBrowserPage(def, page.id, 'fi')
    const languages = new Set([...definitionTexts(finnish as typeof def).values()].flatMap((t) => Object.keys(t)))
    expect([...languages].sort()).toEqual(['en', 'fi', 'sv'])
  })

  test('the browser checks the page with the same schema as the server', () => {
    const ctx = { locale: 'sv' as const, today: '2026-12-06', settings: {} }
    const browser = forBrowserPage(def, page.id, 'sv')
    const answers = { placeDetails: 'Vid dammen' }
    const onServer = pageSchema(def, page.id, ctx).safeParse(answers)
    const inBrowser = pageSchema(browser, page.id, ctx).safeParse(answers)
    expect(inBrowser.success).toBe(onServer.success)
    expect(inBrowser.data).toEqual(onServer.data)
    expect(forBrowserPage(def, page.id, 'sv')).toBe(browser)
  })
})
