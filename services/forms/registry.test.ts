import { describe, expect, it } from 'vitest'
import { FORMS } from '#forms/registry.ts'
import { provansokan } from '#forms/testing/provansokan.ts'
import { addForms, formById } from './registry.server.ts'

describe('formById', () => {
  it('knows the registered e-services and not the test-only one, until whoever starts the portal adds it', () => {
    for (const form of FORMS) expect(formById(form.id)).toBe(form)
    expect(formById('provansokan')).toBeUndefined()
    expect(formById(null)).toBeUndefined()
    addForms([provansokan])
    expect(formById('provansokan')).toBe(provansokan)
    expect(FORMS).not.toContain(provansokan)
  })
})
