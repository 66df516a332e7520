import type { CaughtMail, startMailCatcher as StartMailCatcher } from './catcher.server.ts'
import type { Send } from './outbox.server.ts'
import { smtpSender } from './worker.server.ts'
import { log } from '../log/logger.server.ts'

const g = globalThis as typeof globalThis & { __caughtMails?: CaughtMail[] }

/** Mails the development catcher received, newest first; empty when a real SMTP server is used. */
export const caughtMails = (): CaughtMail[] | null => g.__caughtMails ?? null

/**
 * Where e-mail goes: to SMTP_URL when set; otherwise, outside production, to an in-process catcher (the
 * outbox page shows what it caught). In production without SMTP_URL there is no sender and mails wait in
 * the outbox. The job runner (services/jobs/runner.server.ts) does the sending.
 */
export async function startMail(env: { APP_ENV: string; SMTP_URL?: string }): Promise<{ send: Send | null; stop(): Promise<void> }> {
  let url = env.SMTP_URL
  let catcher: Awaited<ReturnType<typeof StartMailCatcher>> | undefined
  if (!url) {
    if (env.APP_ENV === 'production') {
      log.warn('SMTP_URL is not set: e-mails to citizens wait in the outbox until it is.')
      return { send: null, stop: async () => {} }
    }
    // Imported only here: the catcher's SMTP server (smtp-server) is a development dependency, absent from
    // the production image (Dockerfile), so a production process must never load it.
    const { startMailCatcher } = await import('./catcher.server.ts')
    catcher = await startMailCatcher()
    g.__caughtMails = catcher.mails
    url = catcher.url
    log.info(`Development mail catcher on ${url}; caught mails show at /servicecenter/utkorg`)
  }
  return { send: smtpSender(url), stop: async () => void (await catcher?.stop()) }
}
