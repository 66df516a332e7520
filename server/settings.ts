import { ConfigError, env, type Env } from '#services/env.server.ts'
import { log } from '#services/log/logger.server.ts'

/**
 * The settings, read and checked once at start: a wrong one ends the process with one log line naming the
 * variable (never its value), not a stack trace.
 */
export function startupEnv(): Env {
  try {
    return env()
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e
    log.fatal(`Settings: ${e.message}`)
    process.exit(1)
  }
}
