import { SMTPServer } from 'smtp-server'
import { parseMail, type ParsedMail } from './parse.ts'

export type CaughtMail = ParsedMail & { receivedAt: Date }
const KEEP = 200

/**
 * A local SMTP server for development and tests: it accepts every mail over real SMTP and keeps the last
 * few hundred in memory, where the outbox page shows them. Never started in production.
 */
export async function startMailCatcher(
  port = 0,
  /** Tests only: runs after a mail is kept and before the server answers that it took it. */
  beforeReply?: (mail: CaughtMail) => Promise<void>,
): Promise<{ url: string; mails: CaughtMail[]; stop(): Promise<void> }> {
  const mails: CaughtMail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        const mail = { ...parseMail(Buffer.concat(chunks).toString('utf8')), receivedAt: new Date() }
        mails.unshift(mail)
        mails.length = Math.min(mails.length, KEEP)
        if (!beforeReply) return callback()
        beforeReply(mail).then(() => callback(), (e: unknown) => callback(e instanceof Error ? e : new Error(String(e))))
      })
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  const address = server.server.address()
  const actual = typeof address === 'object' && address ? address.port : port
  return { url: `smtp://127.0.0.1:${actual}`, mails, stop: () => new Promise<void>((r) => server.close(() => r())) }
}
