import { afterEach, describe, expect, it, vi } from 'vitest'
import { checksReady } from '../schema.ts'
import type { FieldDef } from '../types.ts'
import { phone } from './phone.ts'
import { phoneCheck, phoneCheckReady } from './phone-check.browser.ts'

const label = { sv: 'Telefon', en: 'Phone' }
const tel = { id: 'tel', kind: 'phone', label, optional: true } as FieldDef
const name = { id: 'name', kind: 'text', label, optional: true } as FieldDef
const contacts = { id: 'contacts', kind: 'group', label, min: 0, max: 3, fields: [name, tel] } as unknown as FieldDef

describe("the browser's telephone check, fetched when a number is typed (ADR 055)", () => {
  afterEach(() => vi.restoreAllMocks())

  it('is not there until fetched, and then judges numbers as the server does', async () => {
    expect(phoneCheck()).toBeUndefined()
    await phoneCheckReady()
    expect(phoneCheck()?.toE164('070-123 45 67')).toBe('+46701234567')
    expect(phoneCheck()?.toE164('070-12')).toBeNull()
  })

  it('is awaited before a check only when a number was given, a group item\'s too', async () => {
    const ready = vi.spyOn(phone, 'ready').mockResolvedValue()
    await checksReady([name, tel, contacts], { name: 'Eva', tel: ' ', contacts: [{ name: 'Per', tel: '' }] })
    expect(ready).not.toHaveBeenCalled()
    await checksReady([name, tel], { tel: '070-123 45 67' })
    expect(ready).toHaveBeenCalledTimes(1)
    await checksReady([contacts], { contacts: [{ name: 'Per', tel: '' }, { name: 'Ann', tel: '08-123 456' }] })
    expect(ready).toHaveBeenCalledTimes(2)
  })

  it('leaves the number to the server when the check cannot be fetched', async () => {
    vi.spyOn(phone, 'ready').mockRejectedValue(new TypeError('Failed to fetch dynamically imported module'))
    await expect(checksReady([tel], { tel: '070-12' })).resolves.toBeUndefined()
  })
})
