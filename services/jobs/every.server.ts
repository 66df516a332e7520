/**
 * Runs `task` now and then every `intervalMs` after each run ends (never two at once), logging a failure
 * and carrying on. `stop` waits for a run in progress. The outbox worker and housekeeping use it.
 */
export function every(intervalMs: number, label: string, task: () => Promise<unknown>): { stop(): Promise<void> } {
  let timer: NodeJS.Timeout | undefined
  let running: Promise<unknown> = Promise.resolve()
  let stopped = false
  const tick = () => {
    running = task()
      .catch((e: unknown) => console.error(`${label}:`, e instanceof Error ? e.message : e))
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
