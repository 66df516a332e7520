import { describe, expect, it } from 'vitest'
import { messageFor, RFA_MESSAGES, type MessageInput } from './messages.ts'

const base: MessageInput = { autoStarted: false, device: 'computer' }
const code = (input: Partial<MessageInput>) => messageFor({ ...base, ...input })?.code

describe('messageFor: the mapping table of docs/domain.md §7', () => {
  it.each([
    // [situation, input, expected]
    ['pending outstandingTransaction, autostarted', { status: 'pending', hintCode: 'outstandingTransaction', autoStarted: true }, 'RFA13'],
    ['pending outstandingTransaction, QR', { status: 'pending', hintCode: 'outstandingTransaction', autoStarted: false }, 'RFA1'],
    ['pending noClient', { status: 'pending', hintCode: 'noClient' }, 'RFA1'],
    ['pending noClient, autostarted', { status: 'pending', hintCode: 'noClient', autoStarted: true }, 'RFA1'],
    ['pending started, computer', { status: 'pending', hintCode: 'started', device: 'computer' }, 'RFA15A'],
    ['pending started, mobile', { status: 'pending', hintCode: 'started', device: 'mobile' }, 'RFA15B'],
    ['pending userSign', { status: 'pending', hintCode: 'userSign' }, 'RFA9'],
    ['pending userMrtd', { status: 'pending', hintCode: 'userMrtd' }, 'RFA23'],
    ['pending, other hintCode', { status: 'pending', hintCode: 'userCallConfirm' }, 'RFA21'],
    ['pending, unknown hintCode', { status: 'pending', hintCode: 'processing' }, 'RFA21'],
    ['failed expiredTransaction', { status: 'failed', hintCode: 'expiredTransaction' }, 'RFA8'],
    ['failed certificateErr', { status: 'failed', hintCode: 'certificateErr' }, 'RFA16'],
    ['failed userCancel', { status: 'failed', hintCode: 'userCancel' }, 'RFA6'],
    ['failed cancelled', { status: 'failed', hintCode: 'cancelled' }, 'RFA3'],
    ['failed startFailed, autostarted', { status: 'failed', hintCode: 'startFailed', autoStarted: true }, 'RFA17A'],
    ['failed startFailed, QR', { status: 'failed', hintCode: 'startFailed', autoStarted: false }, 'RFA17B'],
    ['failed, other hintCode', { status: 'failed', hintCode: 'notSupportedByUserApp' }, 'RFA22'],
    ['errorCode alreadyInProgress', { errorCode: 'alreadyInProgress' }, 'RFA4'],
    ['errorCode requestTimeout', { errorCode: 'requestTimeout' }, 'RFA5'],
    ['errorCode maintenance', { errorCode: 'maintenance' }, 'RFA5'],
    ['errorCode internalError', { errorCode: 'internalError' }, 'RFA5'],
    ['BankID unreachable', { errorCode: 'unreachable' }, 'RFA5'],
    ['errorCode invalidParameters', { errorCode: 'invalidParameters' }, 'RFA22'],
    ['errorCode unauthorized', { errorCode: 'unauthorized' }, 'RFA22'],
    ['errorCode notFound', { errorCode: 'notFound' }, 'RFA22'],
  ] as const)('%s → %s', (_situation, input, expected) => {
    expect(code(input)).toBe(expected)
  })

  it('lets an errorCode win over a status', () => {
    expect(code({ status: 'pending', hintCode: 'userSign', errorCode: 'maintenance' })).toBe('RFA5')
  })

  it('asks for logging only in the unexpected cases', () => {
    expect(messageFor({ ...base, errorCode: 'unauthorized' })?.log).toBe(true)
    expect(messageFor({ ...base, status: 'failed', hintCode: 'somethingNew' })?.log).toBe(true)
    expect(messageFor({ ...base, errorCode: 'alreadyInProgress' })?.log).toBe(false)
    expect(messageFor({ ...base, status: 'failed', hintCode: 'userCancel' })?.log).toBe(false)
  })

  it('says nothing for a completed order', () => {
    expect(messageFor({ ...base, status: 'complete' })).toBeNull()
  })

  it('carries both languages with the message', () => {
    expect(messageFor({ ...base, status: 'failed', hintCode: 'userCancel' })).toEqual({
      code: 'RFA6',
      sv: 'Åtgärden avbröts.',
      en: 'The action was cancelled.',
      log: false,
    })
  })
})

describe('RFA_MESSAGES', () => {
  it('has the official wording', () => {
    expect(RFA_MESSAGES.RFA1).toEqual({ sv: 'Starta BankID-appen.', en: 'Start your BankID app.' })
    expect(RFA_MESSAGES.RFA9.sv).toBe('Skriv in din säkerhetskod i BankID-appen och välj Identifiera eller Skriv under.')
    expect(RFA_MESSAGES.RFA17B.en).toBe('Failed to scan the QR code. Start the BankID app and scan the QR code.')
  })

  it('has no codes that do not exist and no empty texts', () => {
    for (const missing of ['RFA7', 'RFA10', 'RFA11', 'RFA12']) expect(RFA_MESSAGES).not.toHaveProperty(missing)
    for (const text of Object.values(RFA_MESSAGES)) {
      expect(text.sv.length).toBeGreaterThan(0)
      expect(text.en.length).toBeGreaterThan(0)
    }
  })
})
