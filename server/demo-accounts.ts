/**
 * The demo staff logins, one per kind of work, for local demos only: never created when APP_ENV=production
 * (server/demo-data.ts). No imports, so the end-to-end tests log in with exactly these.
 */
export const DEMO_PASSWORD = 'demo-servicecenter'

export const DEMO_ACCOUNTS = {
  // A servicecenter handläggare on the servicecenter's own team and teknik, where the demo fault reports go.
  handlaggare: { email: 'handlaggare@demo.invalid', name: 'Demo Handläggare', role: 'handlaggare', teams: ['servicecenter', 'teknik'] },
  admin: { email: 'admin@demo.invalid', name: 'Demo Administratör', role: 'admin', teams: [] },
  dataskydd: { email: 'dataskydd@demo.invalid', name: 'Demo Dataskyddsombud', role: 'dataskydd', teams: [] },
} as const

export type DemoAccount = (typeof DEMO_ACCOUNTS)[keyof typeof DEMO_ACCOUNTS]
