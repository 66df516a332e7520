/**
 * `bibliotek`: branch-library staff, who answer help requests from the kiosks at their library.
 * `dataskydd`: the data protection officer, who produces register extracts and reads the access log; they
 * open no case for handling. Client-safe.
 */
export type StaffRole = 'handlaggare' | 'teamledare' | 'forvaltning' | 'admin' | 'bibliotek' | 'dataskydd'
export const STAFF_ROLES: readonly StaffRole[] = ['handlaggare', 'teamledare', 'forvaltning', 'admin', 'bibliotek', 'dataskydd']
export const MIN_PASSWORD_LENGTH = 12

/** Where a role without case handling starts after login, instead of the case queue it may not open. */
export const START_PAGES: Partial<Record<StaffRole, string>> = { bibliotek: '/servicecenter/hjalp', dataskydd: '/servicecenter/atkomstlogg' }

/** Who reads the access log (who opened whose data): administrators and the data protection officer. */
export const ACCESS_LOG_ROLES: readonly StaffRole[] = ['admin', 'dataskydd']
