import { z } from 'zod'
import { parseAnswerKeys } from './crypto/answer-keys.server.ts'
import { parseTrustProxy } from './http/trust-proxy.ts'

const EnvSchema = z.object({
  APP_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().positive().default(3000),
  /** HTTP worker processes (node:cluster); one per core in a deployment. One keeps the BankID simulator's control page. */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  DATABASE_URL: z.string().optional(),
  PUBLIC_URL: z.string().url().optional(),
  MUNICIPALITY_CONFIG: z.string().optional(),
  /** Behind a reverse proxy: its hop count (1) or addresses, so req.ip is the client's (services/http/trust-proxy.ts). */
  TRUST_PROXY: z.string().optional(),
  /** Largest request body; three 10 MB photos and the text fit. */
  BODY_LIMIT_MB: z.coerce.number().positive().default(35),
  /** E-mail to citizens (issue 5): smtp(s)://user:pass@host:port; unset outside production → a local catcher. */
  SMTP_URL: z.string().optional(),
  /** The From of those e-mails, e.g. "Tyresö kommun" <no-reply@tyreso.se>. */
  MAIL_FROM: z.string().optional(),
  /** BankID RP API (issue 3): all four select a real environment; none starts the local simulator outside production. */
  BANKID_URL: z.string().url().optional(),
  BANKID_PFX: z.string().optional(),
  BANKID_PASSPHRASE: z.string().optional(),
  BANKID_CA: z.string().optional(),
  /** Simulator only: approve every BankID order as this test person (any usual personnummer format). */
  BANKID_SIMULATOR_AUTO_APPROVE: z.string().optional(),
  /** Kiosks (issue 6): idle this long, a visitor is warned; at the end the visit ends (services/kiosk/idle.ts). */
  KIOSK_IDLE_WARNING_SECONDS: z.coerce.number().int().positive().default(120),
  KIOSK_IDLE_END_SECONDS: z.coerce.number().int().positive().default(180),
  /** Logins (issue 10): attempts counted per window (services/auth/login-limits.server.ts). */
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
  LOGIN_ACCOUNT_ATTEMPTS: z.coerce.number().int().positive().default(5),
  LOGIN_ADDRESS_ATTEMPTS: z.coerce.number().int().positive().default(20),
  LIBRARY_CARD_ATTEMPTS: z.coerce.number().int().positive().default(5),
  LIBRARY_KIOSK_ATTEMPTS: z.coerce.number().int().positive().default(10),
  KIOSK_ENROL_ATTEMPTS: z.coerce.number().int().positive().default(10),
  /** Keys for secret answers (door codes), "k2:<base64>,k1:<base64>": the first encrypts, all decrypt (ADR 019). */
  ANSWER_KEYS: z.string().optional(),
  /** Abuse limits (issue 10, services/limits): `off` only to measure their cost. */
  RATE_LIMITS: z.enum(['on', 'off']).default('on'),
  /** Final sends of any e-service per client address and per browser session within the window. */
  SEND_LIMIT_PER_ADDRESS: z.coerce.number().int().positive().default(10),
  SEND_LIMIT_PER_SESSION: z.coerce.number().int().positive().default(10),
  SEND_LIMIT_WINDOW_MINUTES: z.coerce.number().int().positive().default(10),
  /** Uploaded megabytes per client address and per browser session within the window. */
  UPLOAD_LIMIT_MB_PER_ADDRESS: z.coerce.number().positive().default(100),
  UPLOAD_LIMIT_MB_PER_SESSION: z.coerce.number().positive().default(100),
  UPLOAD_LIMIT_WINDOW_MINUTES: z.coerce.number().int().positive().default(60),
  /** All uploads per day (UTC); staff are told once when a share of it is used, and at all of it uploads wait. */
  UPLOAD_BUDGET_MB_PER_DAY: z.coerce.number().positive().default(5120),
  UPLOAD_BUDGET_ALERT_PERCENT: z.coerce.number().positive().max(100).default(80),
  /** Where that alert goes; unset → the municipality's contact address from the profile. */
  UPLOAD_BUDGET_ALERT_EMAIL: z.string().email().optional(),
})

export type Env = z.infer<typeof EnvSchema>

/** What a real deployment must be given: without these the portal refuses to start there. */
const REQUIRED_IN_PRODUCTION = ['DATABASE_URL', 'PUBLIC_URL', 'BANKID_URL', 'BANKID_PFX', 'BANKID_PASSPHRASE', 'BANKID_CA', 'ANSWER_KEYS'] as const
/** Half a BankID configuration is a mistake in any environment: it would silently fall back to the simulator. */
const BANKID_VARS = ['BANKID_URL', 'BANKID_PFX', 'BANKID_PASSPHRASE', 'BANKID_CA'] as const

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const env = EnvSchema.parse(source)
  if (env.APP_ENV === 'production') {
    const missing = REQUIRED_IN_PRODUCTION.filter((k) => !source[k])
    if (missing.length)
      throw new Error(`APP_ENV=production needs ${missing.join(', ')}: set them in the environment. No demo data or simulators run in production.`)
  }
  // A key that does not parse would fail the first door code instead: refuse to start with what is wrong.
  if (env.ANSWER_KEYS !== undefined) parseAnswerKeys(env.ANSWER_KEYS)
  // Likewise a TRUST_PROXY Express would misread: every client would count as the proxy.
  parseTrustProxy(env.TRUST_PROXY)
  const bankIdSet = BANKID_VARS.filter((k) => source[k])
  if (bankIdSet.length > 0 && bankIdSet.length < BANKID_VARS.length)
    throw new Error(`BankID needs all of ${BANKID_VARS.join(', ')} (missing ${BANKID_VARS.filter((k) => !source[k]).join(', ')}); set none to use the local simulator.`)
  return env
}

