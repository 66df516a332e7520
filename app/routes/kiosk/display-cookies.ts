/** The visitor's display choices at a kiosk; cleared with every other visitor cookie when the visit ends. */
export const DISPLAY_COOKIES = { text: 'kiosk_text', contrast: 'kiosk_contrast' } as const
