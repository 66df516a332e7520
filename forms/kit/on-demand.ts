/**
 * Modules the browser fetches by name when a page needs them (ADR 053): each fetched once and kept; a failed
 * fetch rejects, and the next call tries again. Names without a loader are not this registry's, and skipped.
 */
export function onDemand<T extends Record<string, unknown>>(loaders: { [K in keyof T]: () => Promise<T[K]> }) {
  const loaded: Partial<T> = {}
  const has = (name: string): name is Extract<keyof T, string> => Object.hasOwn(loaders, name)
  return {
    loaded: (): Partial<T> => loaded,
    async load(names: readonly string[]): Promise<void> {
      const wanted = [...new Set(names)].filter(has).filter((n) => loaded[n] === undefined)
      await Promise.all(wanted.map(async (n) => {
        loaded[n] = await loaders[n]()
      }))
    },
  }
}
