/**
 * `bibliotek`: branch-library staff, who answer help requests from the kiosks at their library.
 * `dataskydd`: the data protection officer, who produces register extracts and reads the access log; they
 * open no case for handling. Client-safe.
 */
export type StaffRole = 'handlaggare' | 'teamledare' | 'forvaltning' | 'admin' | 'bibliotek' | 'dataskydd'
export const STAFF_ROLES: readonly StaffRole[] = ['handlaggare', 'teamledare', 'forvaltning', 'admin', 'bibliotek', 'dataskydd']
export const MIN_PASSWORD_LENGTH = 12
