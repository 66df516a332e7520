import type { CaughtMail, startMailCatcher as StartMailCatcher } from './catcher.server.ts'
import { smtpSender, startOutboxWorker } from './worker.server.ts'

const g = globalThis as typeof globalThis & { __caughtMails?: CaughtMail[] }

/** Mails the development catcher received, newest first; empty when a real SMTP server is used. */
export const caughtMails = (): CaughtMail[] | null => g.__caughtMails ?? null

/**
 * Starts sending e-mail: to SMTP_URL when set; otherwise, outside production, to an in-process catcher
 * (the outbox page shows what it caught). In production without SMTP_URL mails wait in the outbox.
 */
export async function startMail(env: { APP_ENV: string; SMTP_URL?: string }): Promise<{ stop(): Promise<void> }> {
  let url = env.SMTP_URL
  let catcher: Awaited<ReturnType<typeof StartMailCatcher>> | undefined
  if (!url) {
    if (env.APP_ENV === 'production') {
      console.warn('SMTP_URL is not set: e-mails to citizens wait in the outbox until it is.')
      return { stop: async () => {} }
    }
    // Imported only here: the catcher's SMTP server (smtp-server) is a development dependency, absent from
    // the production image (Dockerfile), so a production process must never load it.
    const { startMailCatcher } = await import('./catcher.server.ts')
    catcher = await startMailCatcher()
    g.__caughtMails = catcher.mails
    url = catcher.url
    console.info(`Development mail catcher on ${url}; caught mails show at /servicecenter/utkorg`)
  }
  const worker = startOutboxWorker(smtpSender(url))
  return {
    async stop() {
      await worker.stop()
      await catcher?.stop()
    },
  }
}
