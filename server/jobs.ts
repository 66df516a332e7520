import { municipality } from '#services/config/municipality.server.ts'
import { closeSql } from '#services/db/sql.server.ts'
import { startJobs } from '#services/jobs/runner.server.ts'
import { startMail } from '#services/mail/start.server.ts'
import { log } from '#services/log/logger.server.ts'
import { startupEnv } from './settings.ts'

/**
 * `npm run jobs`: the job runner alone (scheduled jobs and the e-mail sender), for a host that serves no
 * HTTP. Any number may run beside the portals' own runners: each schedule tick still runs once (ADR 027).
 * The database must already be migrated (`npm run db:migrate`, or a portal's start).
 */
const e = startupEnv()
if (!e.DATABASE_URL) {
  log.error('DATABASE_URL is not set')
  process.exit(1)
}
municipality()
const mail = await startMail(e)
const jobs = await startJobs({ send: mail.send })
log.info('Job runner started')

const stop = async () => {
  await jobs.stop()
  await mail.stop()
  await closeSql()
  process.exit(0)
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
