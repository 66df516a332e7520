import { useRouteLoaderData } from 'react-router'
import type { Locale } from '../forms/kit/index.ts'

export type RootData = {
  locale: Locale
  csrfToken: string
  cspNonce: string
  path: string
  municipality: { name: string; logoText: string; contact: { phone: string; afterHoursPhone: string; email: string; address: string } }
}

export const useRootData = () => useRouteLoaderData('root') as RootData | undefined
