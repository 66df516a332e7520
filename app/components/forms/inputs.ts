import { FileInput } from './file-input.tsx'
import { GiroInput } from './giro-input.tsx'
import { MapPointInput } from './mappoint-input.tsx'

/**
 * The inputs of kinds a browser fetches on demand (ADR 053), here always present: server rendering and the
 * tests take this module; the browser build takes `inputs.browser.ts` (package.json `imports`, condition
 * `browser`).
 */
export type ExtraInputs = { file: typeof FileInput; giro: typeof GiroInput; mappoint: typeof MapPointInput }

const INPUTS: ExtraInputs = { file: FileInput, giro: GiroInput, mappoint: MapPointInput }

export const extraInputs = (): Partial<ExtraInputs> => INPUTS

export const loadExtraInputs = (_names: readonly string[]): Promise<void> => Promise.resolve()
