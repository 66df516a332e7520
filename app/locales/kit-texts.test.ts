import { beforeAll, expect, test } from 'vitest'
import { felanmalan } from '#forms/felanmalan/index.ts'
import { fieldErrors, findPage, fullHint, pageSchema, type Locale } from '#forms/kit/index.ts'

/**
 * The kit checks answers inside the forms' schemas, on the server and in the browser; beyond Swedish and English
 * its messages come from the page's catalog (ADR 050), so a Finnish or Arabic visitor reads every error in their
 * language: the e-service's own wording where it has one, else the kit's.
 */
beforeAll(async () => {
  await import('#app/i18n.server.ts')
})

const errors = (locale: Locale, page: string, raw: Record<string, unknown>) => {
  const r = pageSchema(felanmalan, page, { locale, today: '2026-12-06' }).safeParse(raw)
  return r.success ? {} : fieldErrors(r.error)
}

test('felanmälan’s own messages and the kit’s read in Finnish and Arabic, and Swedish stays as it was', () => {
  expect(errors('fi', 'kategori', {})).toEqual({ category: 'Valitse, mitä vika koskee' })
  expect(errors('ar', 'kategori', {})).toEqual({ category: 'اختر بماذا يتعلق العطل' })
  expect(errors('sv', 'kategori', {})).toEqual({ category: 'Välj vad felet gäller' })
  // No own message for a malformed e-mail address: the kit's, in the page's language.
  expect(errors('fi', 'kontakt', { email: 'x' })).toEqual({ email: 'Kirjoita sähköpostiosoite oikeassa muodossa, esimerkiksi nimi@esimerkki.fi' })
  expect(errors('ar', 'kontakt', { email: 'x' })).toEqual({ email: 'اكتب عنوان البريد الإلكتروني بالشكل الصحيح، مثلًا name@example.com' })
  expect(errors('en', 'kontakt', { email: 'x' })).toEqual({ email: 'Enter the email address in the correct form, like name@example.com' })
})

test('a hint the kit derives from the rules is in the page’s language too', () => {
  const description = findPage(felanmalan, 'beskrivning')!.fields.find((f) => f.id === 'description')!
  expect(fullHint(description, 'fi')).toBe('Mikä on vialla ja mistä lähtien? Älä kirjoita muiden henkilötietoja. Vähintään 10 ja enintään 2000 merkkiä.')
  expect(fullHint(description, 'sv')).toBe('Vad är fel och sedan när? Skriv inga personuppgifter om andra. Minst 10 och högst 2000 tecken.')
})
