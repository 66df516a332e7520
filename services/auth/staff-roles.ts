/** `bibliotek`: branch-library staff, who answer help requests from the kiosks at their library (issue 6). Client-safe. */
export type StaffRole = 'handlaggare' | 'teamledare' | 'forvaltning' | 'admin' | 'bibliotek'
export const STAFF_ROLES: readonly StaffRole[] = ['handlaggare', 'teamledare', 'forvaltning', 'admin', 'bibliotek']
export const MIN_PASSWORD_LENGTH = 12
