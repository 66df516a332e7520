import { log } from '../log/logger.server.ts'
/**
 * Runs `task` now and then again `intervalMs` after each run ends (never two runs at once), logging and
 * riding out failures. stop() waits for a run in progress, so shutdown does not cut a transaction short.
 */
export function repeat(label: string, task: () => Promise<unknown>, intervalMs: number): { stop(): Promise<void> } {
  let timer: NodeJS.Timeout | undefined
  let running: Promise<unknown> = Promise.resolve()
  let stopped = false
  const tick = () => {
    running = task()
      .catch((e: unknown) => log.error({ err: e, job: label }, `${label} failed`))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs)
      })
  }
  timer = setTimeout(tick, 0)
  return {
    async stop() {
      stopped = true
      clearTimeout(timer)
      await running
    },
  }
}
