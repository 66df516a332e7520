import { documentLocale, t, type Answers, type Locale } from '#forms/kit/index.ts'
import { municipality } from '../config/municipality.server.ts'
import { sql } from '../db/sql.server.ts'
import { formById } from '../forms/registry.server.ts'
import { citizenEmail, publicUrl } from '../mail/notify.server.ts'
import { renderDraftReminder } from '../mail/templates.ts'
import { dateTimeFormat } from '#forms/kit/intl.ts'

/** Issue 4: the reminder goes when a draft has not been saved for this many days (a week before deletion). */
export const REMIND_AFTER_DAYS = 23
const BATCH = 100

type Due = { id: string; form_id: string; answers: Answers; locale: Locale; expires_at: Date; owner_personnummer: string | null }

const expiryDay = (at: Date, locale: Locale) =>
  dateTimeFormat(locale === 'en' ? 'en-GB' : 'sv-SE', { dateStyle: 'long', timeZone: 'Europe/Stockholm' }).format(at)

/**
 * Queues one reminder e-mail per draft that reached REMIND_AFTER_DAYS without a save, where an address is
 * known: the draft's own e-mail answer (no person carries an address of their own in this portal yet).
 * The draft is marked in the same transaction as the outbox row, so a crash neither loses nor doubles it;
 * drafts without an address are marked too, so they are not looked at again every run.
 */
export async function remindDueDrafts(now: Date): Promise<number> {
  return sql().begin(async (tx) => {
    const due = await tx<Due[]>`
      select id, form_id, answers, locale, expires_at, owner_personnummer from drafts
      where reminded_at is null and expires_at > ${now}
        and updated_at <= ${now}::timestamptz - make_interval(days => ${REMIND_AFTER_DAYS}::int)
      order by updated_at limit ${BATCH} for update skip locked`
    if (!due.length) return 0
    const m = municipality()
    let queued = 0
    for (const d of due) {
      const def = formById(d.form_id)
      const to = def ? citizenEmail({ definition: def, answers: d.answers, applicant: null }) : null
      if (!def || !to) continue
      // A BankID draft continues from Mina sidor on any device; others only where they were begun.
      const link = `${publicUrl().replace(/\/$/, '')}${def.identification === 'bankid' ? '/mina-sidor' : `/e-tjanster/${def.id}`}`
      const mail = renderDraftReminder({
        locale: documentLocale(d.locale), formTitle: t(def.title, documentLocale(d.locale)), expiresOn: expiryDay(d.expires_at, documentLocale(d.locale)), link,
        municipality: { name: m.name, phone: m.contact.phone, email: m.contact.email },
      })
      await tx`insert into outbox (kind, payload)
        values ('email', ${tx.json({ to, subject: mail.subject, text: mail.text, about: 'draft_reminder', draft: d.id })})`
      queued++
    }
    await tx`update drafts set reminded_at = ${now} where id in ${tx(due.map((d) => d.id))}`
    return queued
  })
}

/** Deletes drafts past their expiry; their attachments (bytes included) go with them (on delete cascade). */
export async function deleteExpiredDrafts(now: Date): Promise<number> {
  const r = await sql()`delete from drafts where expires_at <= ${now}`
  return r.count
}

/** The scheduled job "drafts" (services/jobs/schedules.ts): every quarter of an hour. */
export async function draftHousekeeping(now = new Date()): Promise<{ reminded: number; deleted: number }> {
  return { reminded: await remindDueDrafts(now), deleted: await deleteExpiredDrafts(now) }
}
