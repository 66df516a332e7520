import { z } from 'zod'

const EnvSchema = z.object({
  APP_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().positive().default(3000),
  DATABASE_URL: z.string().optional(),
  PUBLIC_URL: z.string().url().optional(),
  MUNICIPALITY_CONFIG: z.string().optional(),
  /** Largest request body; three 10 MB photos and the text fit. */
  BODY_LIMIT_MB: z.coerce.number().positive().default(35),
})

export type Env = z.infer<typeof EnvSchema>

/** What a real deployment must be given: without these the portal refuses to start there. */
const REQUIRED_IN_PRODUCTION = ['DATABASE_URL', 'PUBLIC_URL'] as const

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const env = EnvSchema.parse(source)
  if (env.APP_ENV === 'production') {
    const missing = REQUIRED_IN_PRODUCTION.filter((k) => !source[k])
    if (missing.length)
      throw new Error(`APP_ENV=production needs ${missing.join(', ')}: set them in the environment. No demo data or simulators run in production.`)
  }
  return env
}

export const isProduction = () => process.env.APP_ENV === 'production'
