/** A date `days` from today in the municipality's calendar, as a date input takes it (YYYY-MM-DD). */
export const inDays = (days: number) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date(Date.now() + days * 86_400_000))
