import { describe, expect, test } from 'vitest'
import { compileMessageOrThrow } from '@lingui/message-utils/compileMessage'
import { argumentNames } from './testing/message-arguments.ts'
import { FORMS } from './registry.ts'
import { everyField } from './testing/every-field.ts'
import { directionOf, kindOf, LOCALES, languagesOf, type Locale, type Text } from './kit/index.ts'
import { PHRASES } from './kit/phrases.ts'
import { definitionTexts, withoutMeta, type Translation } from './kit/translations.ts'

/**
 * Adding a language to an e-service is adding a file (ADR 050): `forms/<service>/<code>.json` holds the
 * e-service's texts in that language, `forms/kit/locales/<code>.json` the kit's. Swedish is the reference: these
 * checks fail on a key missing or extra, a message that does not parse, and arguments other than Swedish's.
 */
const serviceFiles = import.meta.glob<Translation>('./*/*.json', { eager: true, import: 'default' })
const kitFiles = import.meta.glob<Translation>('./kit/locales/*.json', { eager: true, import: 'default' })
const TRANSLATED = LOCALES.filter((l) => l !== 'sv' && l !== 'en')


/**
 * A number written in parts ("135 81", "070-123 45 67") inside right-to-left text: without Unicode's isolates
 * (LRI … PDI) around it the parts are laid out right to left, and the example reads "81 135".
 */
const unisolatedNumbers = (text: string) => text.replace(/\u2066[^\u2069]*\u2069/g, '').match(/\d[\d.,-]* \d[\d .,-]*/g) ?? []

/** A file's messages against the Swedish texts they translate: same keys, each parses, same arguments. */
function expectTranslates(file: Translation, reference: Map<string, Text>, locale: Locale) {
  const messages = withoutMeta(file)
  expect({
    missing: [...reference.keys()].filter((k) => !(k in messages)),
    extra: Object.keys(messages).filter((k) => !reference.has(k)),
  }).toEqual({ missing: [], extra: [] })
  for (const [key, text] of Object.entries(messages)) {
    expect(typeof text, key).toBe('string')
    expect(() => compileMessageOrThrow(text as string), key).not.toThrow()
    expect(argumentNames(text as string), key).toEqual(argumentNames(reference.get(key)!.sv))
    if (directionOf(locale) === 'rtl') expect(unisolatedNumbers(text as string), key).toEqual([])
  }
}

/** A language file is named by its language's code; other JSON beside the code (snapshots) is not one. */
const languageFile = (path: string) => /^\.\/(?:.+\/)?([\w-]+)\/([a-z]{2})\.json$/.exec(path)
const perService = Object.entries(serviceFiles).flatMap(([path, file]) => {
  const named = languageFile(path)
  return named ? [{ service: named[1]!, locale: named[2]!, file }] : []
})

test('felanmälan is offered in Finnish and Arabic, and an e-service offers the languages it has files for', () => {
  expect(FORMS.find((f) => f.id === 'felanmalan')?.languages).toEqual(['sv', 'en', 'fi', 'ar'])
  for (const def of FORMS) {
    const files = perService.filter((f) => f.service === def.id).map((f) => f.locale).sort()
    expect([...languagesOf(def)].filter((l) => l !== 'sv' && l !== 'en').sort(), def.id).toEqual(files)
  }
})

describe.each(perService.map((f) => [`${f.service}/${f.locale}.json`, f] as const))('%s', (_name, { service, locale, file }) => {
  const def = FORMS.find((f) => f.id === service)

  test('belongs to a registered e-service, in a language of the portal beyond Swedish and English', () => {
    expect(def, service).toBeDefined()
    expect(TRANSLATED).toContain(locale)
  })

  test('has exactly the e-service’s texts as keys, each a parsing ICU message with the Swedish text’s arguments', () => {
    expectTranslates(file, definitionTexts(def!), locale as Locale)
  })

  test('is what the e-service shows in that language', () => {
    for (const [key, text] of definitionTexts(def!)) expect(text[locale as keyof Text], key).toBe(withoutMeta(file)[key])
  })
})

describe.each(Object.entries(kitFiles))('the form kit’s %s', (path, file) => {
  test('has every rule of every field’s kind and every phrase, each a parsing ICU message with the Swedish text’s arguments', () => {
    const reference = new Map<string, Text>(Object.entries(PHRASES))
    for (const { field } of everyField()) for (const [rule, text] of Object.entries(kindOf(field).messages(field))) reference.set(`${field.kind}.${rule}`, text)
    expectTranslates(file, reference, languageFile(path)![2] as Locale)
  })
})

test('every language beyond Swedish and English has the kit’s texts, marked as a draft until reviewed', () => {
  expect(Object.keys(kitFiles).map((p) => languageFile(p)?.[2]).sort()).toEqual([...TRANSLATED].sort())
  for (const file of [...Object.values(kitFiles), ...perService.map((f) => f.file)]) expect(file._meta).toMatchObject({ status: 'draft' })
})
