import { describe, expect, it } from 'vitest'
import { scrub, serializeError } from './scrub.ts'

describe('scrub', () => {
  it('masks personnummer in every usual form and e-mail addresses, but not reserved demo addresses', () => {
    expect(scrub('pnr 191212121212, 19121212-1212, 121212-1212, 1212121212; mail anna.a@kommun.se'))
      .toBe('pnr [personnummer], [personnummer], [personnummer], [personnummer]; mail [e-post]')
    expect(scrub('demo: admin@demo.invalid')).toBe('demo: admin@demo.invalid')
    // Ids and counts are not personnummer-shaped.
    expect(scrub('case 4f1c2a, 12 cases, port 54329')).toBe('case 4f1c2a, 12 cases, port 54329')
  })

  it('serialises an error with its causes, masking what its messages carry', () => {
    const e = new Error('could not send to anna@kommun.se', { cause: Object.assign(new Error('for 191212121212'), { code: 'X1' }) })
    expect(serializeError(e)).toMatchObject({ type: 'Error', message: 'could not send to [e-post]', cause: { message: 'for [personnummer]', code: 'X1' } })
  })
})
