import { zodResolver } from '@hookform/resolvers/zod'
import { describe, expect, it } from 'vitest'
import { pageSchema, type ValidationContext } from '#forms/kit/index.ts'
import { trygghetslarm } from '#forms/trygghetslarm/index.ts'
import { flatten } from './rhf-errors.ts'

const ctx: ValidationContext = { locale: 'sv', today: '2026-11-22' }
const ROW_FIELDS = ['name', 'relation', 'phone', 'hasKey']
const names = [0, 1, 2].flatMap((i) => ROW_FIELDS.map((f) => `contacts.${i}.${f}`))
const blank = { name: '', relation: '', phone: '', hasKey: false }

/** What the browser's check reports for the contact-person page, keyed as the server keys its errors. */
async function clientErrors(contacts: Record<string, unknown>[]) {
  const resolve = zodResolver(pageSchema(trygghetslarm, 'kontaktpersoner', ctx, { mode: 'client' }))
  const { errors } = await resolve({ contacts }, undefined, { names, fields: {}, shouldUseNativeValidation: false })
  return flatten(errors)
}

describe('client-side errors of a repeating group', () => {
  it('name the group itself when no row is filled, as the server does, so the message shows beside the group', async () => {
    expect(await clientErrors([blank, blank, blank])).toEqual({ contacts: 'Ange minst en kontaktperson med namn, relation och telefonnummer' })
  })
  it('name only the inputs that are wrong in a half-filled row, and nothing in the blank rows', async () => {
    expect(await clientErrors([{ ...blank, name: 'Anna' }, blank, blank])).toEqual({
      'contacts.0.relation': 'Kontaktperson 1: Relationen saknas. Skriv vem personen är för dig, till exempel dotter eller granne',
      'contacts.0.phone': 'Kontaktperson 1: Telefonnumret saknas. Fyll i kontaktpersonens telefonnummer',
    })
  })
})
