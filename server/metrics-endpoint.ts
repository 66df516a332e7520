import cluster from 'node:cluster'
import { BlockList, isIPv4, isIPv6 } from 'node:net'
import type { NextFunction, Request, Response } from 'express'
import client from 'prom-client'
import { env } from '#services/env.server.ts'
import { log } from '#services/log/logger.server.ts'
import { metrics } from '#services/metrics/metrics.server.ts'

/**
 * METRICS_ALLOW: the addresses (and CIDR ranges) that may read /metrics; unset → this machine only.
 * Everyone else gets the ordinary 404, so the endpoint does not show from outside.
 */
export function metricsAllowList(spec = env().METRICS_ALLOW): BlockList {
  const list = new BlockList()
  for (const entry of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [address = '', bits] = entry.split('/')
    const type = isIPv4(address) ? 'ipv4' : isIPv6(address) ? 'ipv6' : undefined
    if (!type) throw new Error(`METRICS_ALLOW: "${entry}" is not an IP address or range`)
    if (bits === undefined) list.addAddress(address, type)
    else list.addSubnet(address, Number(bits), type)
  }
  return list
}

function allowed(list: BlockList, req: Request): boolean {
  // A request that came through a proxy has the proxy's address on the socket: its real sender is unknown,
  // so it is refused even when the proxy runs on an allowed address. Prometheus scrapes the portal directly.
  if (req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined) return false
  const raw = req.socket.remoteAddress ?? ''
  const address = raw.startsWith('::ffff:') && isIPv4(raw.slice(7)) ? raw.slice(7) : raw
  if (isIPv4(address)) return list.check(address, 'ipv4')
  return isIPv6(address) && list.check(address, 'ipv6')
}

const ASK = 'portal:metrics-ask'
const ANSWER = 'portal:metrics-answer'
type Answer = { type: typeof ANSWER; id: number; text?: string; error?: string }

/**
 * With several HTTP workers (ADR 016) the worker that took the scrape asks the primary, which gathers every
 * worker's registry with prom-client's AggregatorRegistry (counters and histograms summed, the database
 * gauges by max). Call in the primary before forking; the workers' side is set up by metricsHandler.
 */
export function serveClusterMetrics(): void {
  const aggregator = new client.AggregatorRegistry()
  cluster.on('message', (worker, message: { type?: string; id?: number }) => {
    if (message?.type !== ASK || typeof message.id !== 'number') return
    const id = message.id
    aggregator.clusterMetrics().then(
      (text) => worker.send({ type: ANSWER, id, text } satisfies Answer),
      (e: unknown) => worker.send({ type: ANSWER, id, error: e instanceof Error ? e.message : String(e) } satisfies Answer),
    )
  })
}

let asked = 0
function askPrimary(): Promise<string> {
  const id = ++asked
  return new Promise((resolve, reject) => {
    // prom-client gives up on a silent worker after 5 s; past that the primary itself is not answering.
    const timer = setTimeout(() => {
      process.off('message', onMessage)
      reject(new Error('the primary process did not answer'))
    }, 7000)
    const onMessage = (m: Answer) => {
      if (m?.type !== ANSWER || m.id !== id) return
      clearTimeout(timer)
      process.off('message', onMessage)
      if (m.text !== undefined) resolve(m.text)
      else reject(new Error(m.error ?? 'no answer'))
    }
    process.on('message', onMessage)
    process.send?.({ type: ASK, id })
  })
}

export function metricsHandler() {
  const list = metricsAllowList()
  const m = metrics()
  // A worker must answer the primary's requests for its registry: constructing the aggregator installs that.
  if (cluster.isWorker) new client.AggregatorRegistry()
  return async (req: Request, res: Response, next: NextFunction) => {
    // Anyone else gets the portal's ordinary "page not found", as for any other unknown address.
    if (!allowed(list, req)) return next()
    try {
      const text = cluster.isWorker ? await askPrimary() : await m.register.metrics()
      res.status(200).type(m.register.contentType).send(text)
    } catch (e) {
      log.error({ err: e }, 'metrics: could not gather')
      res.status(503).type('text').send('Metrics unavailable')
    }
  }
}
