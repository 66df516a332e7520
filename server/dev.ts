import { createServer } from 'vite'
import type { ServerBuild } from 'react-router'
import { createApp } from './app.ts'
import { prepareDatabase } from './database.ts'
import { loadDemoData } from './demo-data.ts'
import { prepareKiosks } from './kiosk-setup.ts'
import { startBankId } from '#services/bankid/runtime.server.ts'
import pretty from 'pino-pretty'
import { log, redirectLogs } from '#services/log/logger.server.ts'
import { startupEnv } from './settings.ts'

/** `npm run dev`: Vite's dev server with hot reload, on the same HTTP layer as production. */
// A person reads these lines: pino-pretty formats the same JSON (LOG_FORMAT=json keeps it, for piping).
const env = startupEnv()
if (env.LOG_FORMAT !== 'json') redirectLogs(pretty({ colorize: process.stdout.isTTY, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' }))
await prepareDatabase()
if (env.APP_ENV !== 'production') await loadDemoData()
log.info((await startBankId()).describe)
await prepareKiosks(env)
const vite = await createServer({ server: { middlewareMode: true } })
const app = createApp({
  build: () => vite.ssrLoadModule('virtual:react-router/server-build') as Promise<ServerBuild>,
  mode: 'development',
  bodyLimitMb: env.BODY_LIMIT_MB,
  extraMiddleware: [vite.middlewares],
})
app.listen(env.PORT, () => log.info(`Development server: http://localhost:${env.PORT}`))
