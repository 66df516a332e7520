import { readEnv } from '../env.server.ts'
import { limitsFrom, type LimitsConfig } from './config.ts'

let cached: LimitsConfig | undefined

/** The limits from this process's environment, read once (every request asks). */
export function limitsConfig(): LimitsConfig {
  cached ??= limitsFrom(readEnv())
  return cached
}
