import { env, type Env } from '../env.server.ts'
import { limitsFrom, type LimitsConfig } from './config.ts'

let cached: { from: Env; limits: LimitsConfig } | undefined

/** The limits from this process's settings, worked out once per settings (every request asks). */
export function limitsConfig(): LimitsConfig {
  const e = env()
  if (cached?.from !== e) cached = { from: e, limits: limitsFrom(e) }
  return cached.limits
}
