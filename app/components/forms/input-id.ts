/**
 * The DOM id of an input, from its form name ("place.street" → "f-place-street"). A module of its own: the
 * question frame that staff and kiosk pages share needs it, and `ids.ts` (error anchors) reads the form kit,
 * which would otherwise ride along into every one of those pages' JavaScript (47 kB gzipped).
 */
export const inputId = (name: string) => `f-${name.replace(/\./g, '-')}`
