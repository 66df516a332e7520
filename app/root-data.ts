import { useRouteLoaderData } from 'react-router'
import type { Locale } from '#forms/kit/index.ts'
import type { KioskView } from './components/kiosk/types.ts'
import type { MapConfig } from '#services/config/municipality.ts'

export type RootData = {
  locale: Locale
  csrfToken: string
  cspNonce: string
  path: string
  municipality: {
    name: string
    logoText: string
    contact: { phone: string; afterHoursPhone: string; email: string; address: string }
    /** The profile's map (tiles, start), for questions answered on a map; none → no map (ADR 036). */
    map?: MapConfig
  }
  /** Set on enrolled kiosk computers: the kiosk layout (issue 6). */
  kiosk?: KioskView | null
  /** The citizen logged in with BankID in this browser, if any (issue 3): header links and the idle warning. */
  citizen?: { name: string; idleSeconds: number } | null
  /** On staff pages: how many cases need the signed-in handläggare (the counter beside Mina, ADR 031). */
  needsMe?: number | null
}

export const useRootData = () => useRouteLoaderData('root') as RootData | undefined
