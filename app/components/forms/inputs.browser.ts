import { onDemand } from '#forms/kit/on-demand.ts'
import type { ExtraInputs } from './inputs.ts'

/**
 * The inputs fetched on demand in the browser, with their kinds (ADR 053): a file list with its early checks,
 * the giro's parts, the map.
 */
const inputs = onDemand<ExtraInputs>({
  file: () => import('./file-input.tsx').then((m) => m.FileInput),
  giro: () => import('./giro-input.tsx').then((m) => m.GiroInput),
  mappoint: () => import('./mappoint-input.tsx').then((m) => m.MapPointInput),
})

export const extraInputs = inputs.loaded

/** Fetches the inputs not yet here; a failed fetch rejects, and the next call tries again. */
export const loadExtraInputs = inputs.load
