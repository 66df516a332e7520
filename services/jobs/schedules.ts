/**
 * The portal's scheduled jobs: the one list the job runner (services/jobs/runner.server.ts) schedules and
 * the admins' jobs page shows. Times are the job runner's local clock (crontab syntax: minute hour day
 * month weekday). Every tick runs once across all processes and hosts (ADR 027); a failed run is retried
 * with backoff up to maxAttempts times, then listed on /servicecenter/jobb. docs/jobs.md explains each.
 */
export type Schedule = { task: 'housekeeping' | 'drafts' | 'digest' | 'outbox'; cron: string; maxAttempts: number; label: string; when: string }

export const SCHEDULES: readonly Schedule[] = [
  // Retention is due by the day; hourly keeps each run small. Minute 7 keeps it off the quarter-hour drafts run.
  { task: 'housekeeping', cron: '7 * * * *', maxAttempts: 5, label: 'Gallring: ärenden enligt dokumenthanteringsplanen och övriga tabellers klockor', when: 'varje timme (7 minuter över)' },
  // The team leads' digest (ADR 031) goes at the first run from 07:00 on a working day; sendDailyDigests keeps it
  // to one a day per lead, so an hourly tick both sends it early and catches a failed morning run.
  { task: 'digest', cron: '12 * * * *', maxAttempts: 3, label: 'Daglig sammanställning till teamledare: försenade ärenden och de som förfaller i dag', when: 'varje timme (12 minuter över); skickas en gång per arbetsdag från kl. 7' },
  // A draft reminder a few minutes late is as good as on time; deletion only has to happen the same day.
  { task: 'drafts', cron: '*/15 * * * *', maxAttempts: 5, label: 'Utkast: påminnelse efter 23 dagar, radering efter 30', when: 'var 15:e minut' },
  // New mail wakes the sender at once (a trigger on the outbox); this sweep only catches what nothing woke.
  { task: 'outbox', cron: '* * * * *', maxAttempts: 3, label: 'E-post: skicka det som väntar i utkorgen', when: 'varje minut, och direkt när ett e-brev läggs i utkorgen' },
]
