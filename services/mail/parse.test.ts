import nodemailer from 'nodemailer'
import { describe, expect, it } from 'vitest'
import { parseMail } from './parse.ts'

// Round trip through nodemailer's own encoder: what the catcher receives is what the worker sent.
const raw = async (mail: { subject: string; text: string }) => {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
  const info = await transport.sendMail({ from: 'Tyresö kommun <no-reply@example.invalid>', to: 'åsa@example.com', ...mail })
  return (info.message as Buffer).toString('utf8')
}

describe('reading back a sent mail', () => {
  it('decodes Swedish subjects and quoted-printable bodies', async () => {
    const text = `Hej!\n\nFör att kunna handlägga ditt ärende behöver vi fler uppgifter – senast 2026-12-01.\n${'lång rad '.repeat(20)}`
    const m = parseMail(await raw({ subject: 'Vi behöver fler uppgifter i ärende FEL-2026-000001', text }))
    expect(m.subject).toBe('Vi behöver fler uppgifter i ärende FEL-2026-000001')
    expect(m.text).toBe(text.trimEnd())
    expect(m.to).toContain('example.com')
  })

  it('reads plain ASCII mails too', async () => {
    const m = parseMail(await raw({ subject: 'Case closed', text: 'Hello' }))
    expect(m).toMatchObject({ subject: 'Case closed', text: 'Hello' })
  })
})
