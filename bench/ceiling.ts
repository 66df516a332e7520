import { once } from 'node:events'
import { Worker } from 'node:worker_threads'

/*
 * The bare server runs on a worker thread of the bench process rather than on its main thread: the
 * main thread is busy being autocannon, and sharing one event loop with the load generator would cut
 * the ceiling to well below what node:http can do. On its own thread it gets a core of its own, as
 * the portal process does, so the two figures are comparable. Plain JS, since eval'd workers are not
 * run through tsx.
 */
const WORKER_SOURCE = `
const { createServer } = require('node:http')
const { parentPort, workerData } = require('node:worker_threads')
const body = Buffer.from(workerData.body)
const server = createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length })
  res.end(body)
})
server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port))
`

export type Ceiling = { url: string; stop(): Promise<void> }

/** A node:http server answering every request with the given bytes: the most any page could do. */
export async function startCeiling(body: Buffer): Promise<Ceiling> {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { body } })
  const [port] = (await Promise.race([
    once(worker, 'message'),
    once(worker, 'error').then(([e]) => Promise.reject(e instanceof Error ? e : new Error(String(e)))),
  ])) as [number]
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      await worker.terminate()
    },
  }
}
