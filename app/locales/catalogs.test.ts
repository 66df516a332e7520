import { describe, expect, test } from 'vitest'
import { argumentNames } from '#forms/testing/message-arguments.ts'
import { LOCALES } from '#forms/kit/types.ts'
import { message, optionalMessage } from '#app/i18n.ts'
import { withoutMeta } from '#forms/kit/translations.ts'
import { catalogFiles, compileCatalog } from './catalogs.server.ts'

/** Adding a language is adding a file: these checks hold every catalog to the Swedish one (ADR 044). */
const catalogs = catalogFiles()
const reference = withoutMeta(catalogs.sv ?? {})


test('every language of the portal has a catalog, and every catalog is a language of the portal', () => {
  expect(Object.keys(catalogs).sort()).toEqual([...LOCALES].sort())
})

describe.each(Object.entries(catalogs))('the %s catalog', (locale, catalog = {}) => {
  const messages = withoutMeta(catalog)

  test('has exactly the keys of the Swedish catalog', () => {
    const keys = Object.keys(messages)
    expect({ missing: Object.keys(reference).filter((k) => !(k in messages)), extra: keys.filter((k) => !(k in reference)) }).toEqual({ missing: [], extra: [] })
  })

  test('holds only ICU MessageFormat messages that parse, with the Swedish message’s arguments', () => {
    expect(() => compileCatalog(locale, catalog)).not.toThrow()
    for (const [key, text] of Object.entries(messages)) {
      if (typeof reference[key] === 'string') expect(argumentNames(text as string), `${locale} ${key}`).toEqual(argumentNames(reference[key]))
    }
  })
})

test('a message that does not parse is caught, by key', () => {
  expect(() => compileCatalog('xx', { 'ui.stepOf': 'Steg {n av {total}' })).toThrow(/xx\.json: ui\.stepOf is not valid ICU/)
})

test('the server formats messages in the asked language, with their arguments', async () => {
  await import('#app/i18n.server.ts')
  expect(message('sv', 'ui.stepOf', { n: 2, total: 5 })).toBe('Steg 2 av 5')
  expect(message('en', 'ui.stepOf', { n: 2, total: 5 })).toBe('Step 2 of 5')
  expect(message('en', 'kiosk.languageSwitch')).toBe('Svenska')
  expect(message('fi', 'ui.stepOf', { n: 2, total: 5 })).toBe('Vaihe 2/5')
  expect(message('ar', 'ui.stepOf', { n: 2, total: 5 })).toBe('الخطوة 2 من 5')
  // BankID's messages beyond Swedish and English travel in the same catalog; Swedish has none there, it has its own.
  expect(optionalMessage('ar', 'bankid.RFA1')).toBe('شغّل تطبيق BankID.')
  expect(optionalMessage('sv', 'bankid.RFA1')).toBeUndefined()
})

test('a drafted translation says so, for the municipality’s translators to find', () => {
  for (const locale of ['fi', 'ar']) expect(catalogs[locale]?._meta, locale).toMatchObject({ status: 'draft' })
})
