import nodemailer from 'nodemailer'
import { municipality } from '../config/municipality.server.ts'
import { env } from '../env.server.ts'
import type { Send } from './outbox.server.ts'

/**
 * Bounds on one SMTP conversation. A server that accepts the connection and then hangs must fail the send
 * well within the outbox lease (services/mail/outbox.server.ts); no database connection or lock is held
 * meanwhile, so a hang only delays mail.
 */
export const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 }

/**
 * The Message-ID of an outbox row's mail, in the From address's domain: stable, so a mail sent twice (a
 * crash between the send and its "sent" mark, ADR 027) is recognisably the same mail.
 */
export function messageIdFor(id: string, from: string): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? 'localhost'
  return `<outbox-${id}@${domain}>`
}

/** An SMTP sender from SMTP_URL (smtp://user:pass@host:port, smtps:// for TLS) and a From address. */
export function smtpSender(
  url: string,
  from = env().MAIL_FROM ?? `"${municipality().name}" <no-reply@localhost>`,
  timeouts: Partial<typeof SMTP_TIMEOUTS> = {},
): Send {
  const transport = nodemailer.createTransport({ url, ...SMTP_TIMEOUTS, ...timeouts })
  return async (mail) => {
    await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, messageId: messageIdFor(mail.id, from) })
  }
}
