import { z } from 'zod'
import { parseAnswerKeys } from './crypto/answer-keys.server.ts'
import { parseTrustProxy } from './http/trust-proxy.ts'
import { SIP2_ENCODINGS } from './library/sip2/charset.ts'

/**
 * Every setting the portal reads, in one place: the code reads them only through env() below, and
 * docs/deployment.md's tables list exactly these names (services/env-docs.test.ts fails on a difference).
 */
const EnvSchema = z.object({
  APP_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().positive().default(3000),
  /** HTTP worker processes (node:cluster); one per core in a deployment. One keeps the BankID simulator's control page. */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  DATABASE_URL: z.string().optional(),
  /** The most connections one process's pool opens. */
  DATABASE_POOL_SIZE: z.coerce.number().int().positive().default(10),
  /** The embedded PostgreSQL used when DATABASE_URL is unset (never in production). */
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65_535).default(54329),
  EMBEDDED_PG_DIR: z.string().optional(),
  /** Where the production bundle is; FORCE_BUILD (any value) rebuilds it at start. */
  BUILD_DIR: z.string().min(1).default('build'),
  FORCE_BUILD: z.string().optional(),
  /** `off` behind a proxy that compresses; `off` renders every first visit instead of the page cache (ADR 015). */
  COMPRESSION: z.enum(['on', 'off']).default('on'),
  PAGE_CACHE: z.enum(['on', 'off']).default('on'),
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
  /** How long the e-mail sender's claim on a batch of mails lasts (docs/jobs.md). */
  OUTBOX_LEASE_SECONDS: z.coerce.number().int().positive().default(15 * 60),
  /** The library system for library-card login at kiosks (docs/sip2.md); SIP2_HOST unset → the in-process test server outside production. */
  SIP2_HOST: z.string().optional(),
  SIP2_PORT: z.coerce.number().int().min(1, 'must be a TCP port number').max(65_535, 'must be a TCP port number').default(6001),
  SIP2_USER: z.string().optional(),
  SIP2_PASSWORD: z.string().optional(),
  SIP2_INSTITUTION: z.string().optional(),
  SIP2_LOCATION: z.string().optional(),
  SIP2_ENCODING: z.enum(SIP2_ENCODINGS).default('utf8'),
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
  /** Logs (docs/operations.md): the lowest level written; `npm run dev` prints them for reading unless `json`. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['pretty', 'json']).default('pretty'),
  /** Addresses and CIDR ranges that may read /metrics (server/metrics-endpoint.ts checks each entry). */
  METRICS_ALLOW: z.string().default('127.0.0.1,::1'),
  /** On SIGTERM, how long requests in flight may take before their connections are cut. */
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().positive().default(20),
})

export type Env = z.infer<typeof EnvSchema>
/** The settings' names, for the documentation check and for handing settings to HTTP workers. */
export type EnvName = keyof z.input<typeof EnvSchema>
export const ENV_NAMES = Object.keys(EnvSchema.shape) as EnvName[]

/** A setting that is wrong: start-up reports its message (which names the variable) instead of a stack trace. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** What a real deployment must be given: without these the portal refuses to start there. */
const REQUIRED_IN_PRODUCTION = ['DATABASE_URL', 'PUBLIC_URL', 'BANKID_URL', 'BANKID_PFX', 'BANKID_PASSPHRASE', 'BANKID_CA', 'ANSWER_KEYS'] as const
/** Half a BankID configuration is a mistake in any environment: it would silently fall back to the simulator. */
const BANKID_VARS = ['BANKID_URL', 'BANKID_PFX', 'BANKID_PASSPHRASE', 'BANKID_CA'] as const

type Source = Readonly<Record<string, string | undefined>>

const englishMessages = z.locales.en().localeError

/** Parses settings against a schema; a ConfigError names every wrong variable (never its value). */
function parseSettings<S extends z.ZodType>(schema: S, source: Source): z.infer<S> {
  // Zod's English messages for the operator, whatever message the form kit set for citizens (forms/kit/fallback-message.ts).
  const parsed = schema.safeParse(source, { error: englishMessages })
  if (!parsed.success)
    throw new ConfigError(parsed.error.issues.map((i) => `${String(i.path[0] ?? 'settings')}: ${i.message}`).join('; '))
  return parsed.data
}

/** Parses and checks settings from `source`; throws a ConfigError naming every wrong variable (never its value). */
export function readEnv(source: Source = process.env): Env {
  const env = parseSettings(EnvSchema, source)
  if (env.APP_ENV === 'production') {
    const missing = REQUIRED_IN_PRODUCTION.filter((k) => !source[k])
    if (missing.length)
      throw new ConfigError(`APP_ENV=production needs ${missing.join(', ')}: set them in the environment. No demo data or simulators run in production.`)
  }
  try {
    // A key that does not parse would fail the first door code instead: refuse to start with what is wrong.
    if (env.ANSWER_KEYS !== undefined) parseAnswerKeys(env.ANSWER_KEYS)
    // Likewise a TRUST_PROXY Express would misread: every client would count as the proxy.
    parseTrustProxy(env.TRUST_PROXY)
  } catch (e) {
    throw new ConfigError(e instanceof Error ? e.message : String(e))
  }
  const bankIdSet = BANKID_VARS.filter((k) => source[k])
  if (bankIdSet.length > 0 && bankIdSet.length < BANKID_VARS.length)
    throw new ConfigError(`BankID needs all of ${BANKID_VARS.join(', ')} (missing ${BANKID_VARS.filter((k) => !source[k]).join(', ')}); set none to use the local simulator.`)
  return env
}

type Settings = Partial<Record<EnvName, string | undefined>>

// On globalThis, like the database pool: the production build, the dev server's Vite-loaded modules and the
// integration tests' route modules are module graphs of their own, yet are one process with one configuration.
const g = globalThis as typeof globalThis & { __portalEnv?: { source: Source; set: Settings; env?: Env } }

function state() {
  // The environment is copied once, at the first read: later changes to process.env are not seen.
  return (g.__portalEnv ??= { source: { ...process.env }, set: {} })
}

/** This process's settings: the environment as it was at the first call, and what setEnv added. */
export function env(): Env {
  const s = state()
  return (s.env ??= readEnv({ ...s.source, ...s.set }))
}

/**
 * Settings made while starting, not given by the environment (the embedded database's URL, the SIP2 test
 * server's address), and a test's own settings; `undefined` unsets one. Checked like the environment: a wrong
 * value throws here and the settings stay as they were.
 */
export function setEnv(values: Settings): void {
  const s = state()
  const set = { ...s.set, ...values }
  s.env = readEnv({ ...s.source, ...set })
  s.set = set
}

/**
 * Settings of the operator scripts alone (scripts/), not of the portal, read the same way: docs/operations.md's
 * "Script settings" table lists exactly these (services/env-docs.test.ts), beside the portal's in
 * docs/deployment.md.
 */
const ScriptEnvSchema = z.object({
  /** The restore drill: how long the portal on the restored database may take to answer /healthz. */
  DRILL_START_SECONDS: z.coerce.number().positive().default(300),
  /** The rolling check: the port of the embedded PostgreSQL it runs the previous release's tests against. */
  ROLLING_PG_PORT: z.coerce.number().int().min(1).max(65_535).default(54341),
})

export type ScriptEnv = z.infer<typeof ScriptEnvSchema>
export const SCRIPT_ENV_NAMES = Object.keys(ScriptEnvSchema.shape) as (keyof ScriptEnv)[]

const positive = z.coerce.number().positive()

/** `npm run bench` and its parts: what a run measures and how (docs/performance.md, "Bench settings"). */
const BenchEnvSchema = z.object({
  BENCH_ONLY: z.string().optional(),
  BENCH_DURATION: positive.default(10),
  BENCH_ROUNDS: positive.default(3),
  BENCH_REPORTS: positive.optional(),
  BENCH_LARM: positive.default(20),
  BENCH_PEER_URL: z.string().optional(),
  BENCH_PEER_DIR: z.string().optional(),
  BENCH_BUILD: z.string().optional(),
  BENCH_BUILD_DIR: z.string().min(1).default('build-bench'),
  BENCH_CPU_PROF: z.string().optional(),
  BENCH_VERBOSE: z.string().optional(),
  BENCH_LIMIT_REQUESTS: positive.default(2000),
  BENCH_MAILS: positive.default(2000),
  BENCH_CASES: z.coerce.number().int().positive().optional(),
  BENCH_RUNS: positive.default(200),
  BENCH_RESEED: z.string().optional(),
})

export type BenchEnv = z.infer<typeof BenchEnvSchema>
export const BENCH_ENV_NAMES = Object.keys(BenchEnvSchema.shape) as (keyof BenchEnv)[]

/** The benchmarks' settings, read like the scripts' ones; a wrong one is a ConfigError naming it. */
export function benchEnv(source: Source = state().source): BenchEnv {
  return parseSettings(BenchEnvSchema, source)
}

/** The scripts' own settings, from the environment as it was at the first read; a wrong one is a ConfigError. */
export function scriptEnv(source: Source = state().source): ScriptEnv {
  return parseSettings(ScriptEnvSchema, source)
}

/**
 * The environment for a process a script starts (pg_dump, the portal, another release's tests): this process's
 * environment as it was at the first read, with `overrides` (`undefined` leaves a variable out).
 */
export function childEnv(overrides: Record<string, string | undefined> = {}, source: Source = state().source): Record<string, string> {
  return Object.fromEntries(Object.entries({ ...source, ...overrides }).filter((e): e is [string, string] => e[1] !== undefined))
}

/** What setEnv added, as environment variables: HTTP workers are forked with them (server/start.ts). */
export function envSet(): Record<string, string> {
  return Object.fromEntries(Object.entries(state().set).filter((e): e is [string, string] => e[1] !== undefined))
}

