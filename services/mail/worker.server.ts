import nodemailer from 'nodemailer'
import { municipality } from '../config/municipality.server.ts'
import { every } from '../jobs/every.server.ts'
import { sendDueMails, type Send } from './outbox.server.ts'

export const POLL_MS = 2000

/** An SMTP sender from SMTP_URL (smtp://user:pass@host:port, smtps:// for TLS) and a From address. */
export function smtpSender(url: string, from = process.env.MAIL_FROM ?? `"${municipality().name}" <no-reply@localhost>`): Send {
  const transport = nodemailer.createTransport(url)
  return async (mail) => {
    await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text })
  }
}

/**
 * Polls the outbox and sends what is due. Polling every couple of seconds is one index-only query on a
 * partial index; a mail therefore leaves within seconds of the event that queued it.
 */
export function startOutboxWorker(send: Send, intervalMs = POLL_MS): { stop(): Promise<void> } {
  return every(intervalMs, 'Outbox worker', () => sendDueMails(send))
}
