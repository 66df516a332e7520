import type { AddressInfo } from 'node:net'
import type { ServerBuild } from 'react-router'
import { createApp } from '#server/app.ts'
import { onStopSignal, trackConnections } from '#server/shutdown.ts'
import { log } from '#services/log/logger.server.ts'
import { closeSql, sql } from '#services/db/sql.server.ts'

/**
 * A portal process for server/shutdown.int.test.ts: the real HTTP layer (no route modules, so no build is
 * needed), a periodic job and the database pool, stopped on SIGTERM by the same drain and stop sequence as
 * server/start.ts. /slow holds a database query for a while, so the test can have requests in flight.
 */
const app = createApp({
  build: async () => ({}) as ServerBuild,
  mode: 'production',
  bodyLimitMb: 1,
  extraMiddleware: [
    (req, res, next) => {
      if (req.path !== '/slow') return next()
      log.info('slow request started')
      sql()`select pg_sleep(1.5)`.then(() => res.status(200).send('done'), next)
    },
  ],
})
// A periodic job's shape (the portal's run on the job queue, services/jobs/): stop() waits for a run in progress.
let running: Promise<unknown> = Promise.resolve()
let stopped = false
const tick = () => {
  running = sql()`select 1`.finally(() => {
    if (!stopped) setTimeout(tick, 200)
  })
}
tick()
const job = {
  async stop() {
    stopped = true
    await running
  },
}
const server = app.listen(0, '127.0.0.1', () => log.info({ port: (server.address() as AddressInfo).port }, 'listening'))
const http = trackConnections(server)
onStopSignal(async () => {
  await http.drain()
  await job.stop()
  await closeSql()
})
