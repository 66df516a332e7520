import type { Env } from '../env.server.ts'

const MB = 1024 * 1024

/** The abuse limits in force (issue 10): all of them configuration, read from the environment (README). */
export type LimitsConfig = {
  readonly enabled: boolean
  readonly send: { readonly perAddress: number; readonly perSession: number; readonly windowSeconds: number }
  /** In bytes. */
  readonly upload: { readonly perAddress: number; readonly perSession: number; readonly windowSeconds: number }
  /** All uploads per UTC day; the alert goes once when `alertShare` of it is used. */
  readonly budget: { readonly bytesPerDay: number; readonly alertShare: number; readonly alertTo: string | undefined }
}

type LimitsEnv = Pick<Env, 'RATE_LIMITS' | 'SEND_LIMIT_PER_ADDRESS' | 'SEND_LIMIT_PER_SESSION' | 'SEND_LIMIT_WINDOW_MINUTES'
  | 'UPLOAD_LIMIT_MB_PER_ADDRESS' | 'UPLOAD_LIMIT_MB_PER_SESSION' | 'UPLOAD_LIMIT_WINDOW_MINUTES'
  | 'UPLOAD_BUDGET_MB_PER_DAY' | 'UPLOAD_BUDGET_ALERT_PERCENT' | 'UPLOAD_BUDGET_ALERT_EMAIL'>

export function limitsFrom(env: LimitsEnv): LimitsConfig {
  return {
    enabled: env.RATE_LIMITS === 'on',
    send: { perAddress: env.SEND_LIMIT_PER_ADDRESS, perSession: env.SEND_LIMIT_PER_SESSION, windowSeconds: env.SEND_LIMIT_WINDOW_MINUTES * 60 },
    upload: {
      perAddress: Math.round(env.UPLOAD_LIMIT_MB_PER_ADDRESS * MB),
      perSession: Math.round(env.UPLOAD_LIMIT_MB_PER_SESSION * MB),
      windowSeconds: env.UPLOAD_LIMIT_WINDOW_MINUTES * 60,
    },
    budget: { bytesPerDay: Math.round(env.UPLOAD_BUDGET_MB_PER_DAY * MB), alertShare: env.UPLOAD_BUDGET_ALERT_PERCENT / 100, alertTo: env.UPLOAD_BUDGET_ALERT_EMAIL },
  }
}
