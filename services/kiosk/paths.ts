import { safeRedirect } from '../auth/return-path.ts'

const SAFE_PATH = /^\/[A-Za-z0-9\-._~%/]{0,200}$/

/**
 * A page of this site as the kiosk reports it (for a help request, or where to return after assisted
 * mode): a plain path, never a query string (which could hold what the visitor typed) and never another
 * host. Anything else becomes the kiosk's start screen.
 */
export const helpPath = (path: string): string => (SAFE_PATH.test(path) && safeRedirect(path, '') === path ? path : '/kiosk')
