import type { Locale } from '#forms/kit/index.ts'
import { textTable } from '#app/i18n.ts'

/** What a person over an abuse limit (issue 10) is told: calmly, when to try again, and that nothing is lost. */
export const { translate: limitText } = textTable({
  title: { sv: 'Vänta en stund innan du skickar', en: 'Please wait a while before sending' },
  sends: {
    sv: 'Du har skickat många ärenden på kort tid. Försök igen om {wait}. Det du har skrivit är sparat.',
    en: 'You have sent many cases in a short time. Try again in {wait}. What you have written is saved.',
  },
  uploads: {
    sv: 'Du har laddat upp många filer på kort tid, så de nya filerna sparades inte. Försök igen om {wait}. Det du har skrivit är sparat.',
    en: 'You have uploaded many files in a short time, so the new files were not saved. Try again in {wait}. What you have written is saved.',
  },
  budget: {
    sv: 'E-tjänsterna tar inte emot fler filer just nu, så de nya filerna sparades inte. Försök igen om {wait}, eller fortsätt utan filer. Det du har skrivit är sparat.',
    en: 'The e-services cannot take more files just now, so the new files were not saved. Try again in {wait}, or continue without files. What you have written is saved.',
  },
  // Mina sidor's messages and supplement answers: nothing was sent, and the text is still in the form.
  writeUploads: {
    sv: 'Du har laddat upp många filer på kort tid, så inget skickades. Försök igen om {wait}, eller skicka utan filer. Texten du skrev finns kvar.',
    en: 'You have uploaded many files in a short time, so nothing was sent. Try again in {wait}, or send without files. The text you wrote is still here.',
  },
  writeBudget: {
    sv: 'E-tjänsterna tar inte emot fler filer just nu, så inget skickades. Försök igen om {wait}, eller skicka utan filer. Texten du skrev finns kvar.',
    en: 'The e-services cannot take more files just now, so nothing was sent. Try again in {wait}, or send without files. The text you wrote is still here.',
  },
  contact: { sv: 'Är det bråttom? Kontakta {name}:', en: 'Is it urgent? Contact {name}:' },
  back: { sv: 'Tillbaka till dina svar', en: 'Back to your answers' },
  minute: { sv: '1 minut', en: '1 minute' },
  minutes: { sv: '{n} minuter', en: '{n} minutes' },
  hour: { sv: '1 timme', en: '1 hour' },
  hours: { sv: '{n} timmar', en: '{n} hours' },
})

/** "4 minuter", or whole hours past an hour (a daily budget may mean a long wait); never "0". */
export function waitText(seconds: number, locale: Locale): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60))
  if (minutes <= 60) return minutes === 1 ? limitText(locale, 'minute') : limitText(locale, 'minutes', { n: minutes })
  const hours = Math.ceil(minutes / 60)
  return hours === 1 ? limitText(locale, 'hour') : limitText(locale, 'hours', { n: hours })
}
