import { expect, test } from 'vitest'
import { argumentNames } from '#forms/testing/message-arguments.ts'
import { RFA_MESSAGES } from '../messages.ts'
import { RFA_TRANSLATIONS } from './index.ts'

/** Every BankID message in every further language, parsing as ICU, and marked as a draft until reviewed (ADR 050). */
test.each(Object.entries(RFA_TRANSLATIONS))('BankID’s messages in %s: every code, no other, each a message', (_locale, file = {}) => {
  const { _meta: meta, ...messages } = file
  expect(meta).toMatchObject({ status: 'draft' })
  expect(Object.keys(messages).sort()).toEqual(Object.keys(RFA_MESSAGES).sort())
  for (const [code, text] of Object.entries(messages)) expect(argumentNames(String(text)), code).toEqual([])
})
