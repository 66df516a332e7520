import { municipality } from '../config/municipality.server.ts'
import type { Sql } from '../db/sql.server.ts'
import { log } from '../log/logger.server.ts'

const MB = 1024 ** 2
/** "4,2 GB", or "800 MB" for a small budget. */
const size = (bytes: number) => bytes >= 1024 * MB
  ? `${(bytes / 1024 / MB).toLocaleString('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} GB`
  : `${Math.round(bytes / MB)} MB`

/** The staff alert, in Swedish: how much of today's upload budget is used and what happens at all of it. */
export function budgetAlertMail(input: { used: number; budget: number; portal: string }) {
  const percent = Math.floor((input.used / input.budget) * 100)
  return {
    subject: `E-tjänsterna: ${percent} % av dagens utrymme för bifogade filer är använt`,
    text: `Hej!\n\nI dag har medborgare laddat upp ${size(input.used)} bifogade filer i e-tjänsterna hos ${input.portal}, ` +
      `${percent} % av dagens gräns på ${size(input.budget)}.\n\nNär gränsen är nådd tar e-tjänsterna inte emot fler filer förrän ` +
      `nästa dygn börjar (kl. 00.00 UTC); ärenden utan filer går fortfarande att skicka.\n\nKontrollera att databasen har diskutrymme ` +
      `kvar och om någon laddar upp ovanligt mycket. Gränsen ändras med UPLOAD_BUDGET_MB_PER_DAY.`,
  }
}

/**
 * Queues the alert in the e-mail outbox (services/mail), so it is sent, retried and shown to admins on the
 * outbox page like every other mail. To the configured address, or the municipality's contact address.
 */
export async function queueBudgetAlert(db: Sql, input: { used: number; budget: number; to: string | undefined }): Promise<void> {
  const m = municipality()
  const mail = budgetAlertMail({ used: input.used, budget: input.budget, portal: m.name })
  await db`insert into outbox (kind, payload)
    values ('email', ${db.json({ to: input.to ?? m.contact.email, subject: mail.subject, text: mail.text, about: 'upload_budget' })})`
  log.warn(`Upload budget: ${Math.floor((input.used / input.budget) * 100)} % of today's ${input.budget} bytes used; staff alerted`)
}
