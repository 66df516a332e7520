import type { ExtraInputs } from './inputs.ts'

/**
 * The inputs fetched on demand in the browser, with their kinds (ADR 053): a file list with its early checks,
 * the giro's parts, the map.
 */
const LOADERS: { [K in keyof ExtraInputs]: () => Promise<ExtraInputs[K]> } = {
  file: () => import('./file-input.tsx').then((m) => m.FileInput),
  giro: () => import('./giro-input.tsx').then((m) => m.GiroInput),
  mappoint: () => import('./mappoint-input.tsx').then((m) => m.MapPointInput),
}

const loaded: Partial<ExtraInputs> = {}

export const extraInputs = (): Partial<ExtraInputs> => loaded

const isExtraInput = (name: string): name is keyof ExtraInputs => Object.hasOwn(LOADERS, name)

/** Fetches the inputs not yet here; a failed fetch rejects, and the next call tries again. */
export async function loadExtraInputs(names: readonly string[]): Promise<void> {
  const wanted = [...new Set(names)].filter(isExtraInput).filter((n) => !loaded[n])
  await Promise.all(wanted.map(async (n) => {
    Object.assign(loaded, { [n]: await LOADERS[n]() })
  }))
}
