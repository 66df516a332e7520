import { t } from '#forms/kit/index.ts'
import { getForm } from '#forms/registry.ts'
import { listStaff } from '../auth/teams.server.ts'
import { municipality } from '../config/municipality.server.ts'
import { sql } from '../db/sql.server.ts'
import { publicUrl } from '../mail/notify.server.ts'
import { OPEN_STATUSES } from '../cases/state.ts'
import { dueIn, isWorkingDay, lateBefore, localDate, plusDays, startOfDay } from '../cases/working-days.ts'

/** The digest goes out at the first run from this hour (municipality time) on each working day. */
export const DIGEST_HOUR = 7
/** A digest lists at most this many cases; the rest are counted and found under Försenade. */
const DIGEST_MAX = 100

type Row = { id: string; number: string; formId: string; team: string | null; dueAt: Date; assignee: string | null }

/**
 * The team lead's daily digest (issue 11, ADR 031): each teamledare with teams gets one e-mail per working day
 * listing their teams' open cases that are late or due today, through the outbox. Idempotent per lead and day
 * (digests_sent), so it may run every hour in every portal process; a plain function, registered with the
 * periodic jobs. Case numbers, e-services and handlers only: no citizen's details in the mail.
 */
export async function sendDailyDigests(now: Date): Promise<number> {
  const m = municipality()
  const today = localDate(now, m.timeZone)
  const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: m.timeZone, hour: '2-digit', hourCycle: 'h23' }).format(now))
  if (hour < DIGEST_HOUR || !isWorkingDay(today)) return 0
  const lateCutoff = lateBefore(now, m.timeZone)
  const tomorrow = startOfDay(plusDays(today, 1), m.timeZone)
  const open = sql().unsafe(`(${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`)
  let sent = 0
  for (const lead of (await listStaff({ roles: ['teamledare'] })).filter((l) => l.teams.length > 0)) {
    sent += await sql().begin(async (tx) => {
      const [claimed] = await tx`insert into digests_sent (staff_id, day) values (${lead.id}, ${today}) on conflict do nothing returning 1`
      if (!claimed) return 0
      const rows = await tx<Row[]>`
        select s.case_id as id, s.number, s.form_id as "formId", s.team, s.due_at as "dueAt", a.name as assignee
        from case_state s left join staff a on a.id = s.assignee_id
        where s.status in ${open} and s.due_at < ${tomorrow} and s.team = any(${lead.teams}::text[])
        order by s.due_at, s.case_id`
      if (rows.length === 0) return 0
      const late = rows.filter((r) => r.dueAt < lateCutoff)
      const dueToday = rows.filter((r) => r.dueAt >= lateCutoff)
      const teamName = (id: string | null) => (id ? (m.teams.find((x) => x.id === id)?.name.sv ?? id) : '–')
      const line = (r: Row) => {
        const form = getForm(r.formId)
        return `- ${r.number} ${form ? t(form.title, 'sv') : r.formId}, ${teamName(r.team)}, ${r.assignee ?? 'ingen handläggare'}: ` +
          `${dueIn(r.dueAt, now, m.timeZone).sv}\n  ${publicUrl().replace(/\/$/, '')}/servicecenter/arenden/${r.id}`
      }
      const section = (title: string, list: Row[]) => list.length === 0 ? '' :
        `${title} (${list.length}):\n${list.slice(0, DIGEST_MAX).map(line).join('\n')}${list.length > DIGEST_MAX ? `\n… och ${list.length - DIGEST_MAX} till.` : ''}\n\n`
      const text = `Hej ${lead.name}!\n\nÄrenden i dina team som behöver åtgärdas i dag, ${today}.\n\n` +
        section('Försenade', late) + section('Förfaller i dag', dueToday) +
        `Alla försenade ärenden: ${publicUrl().replace(/\/$/, '')}/servicecenter?vy=forsenade\n\n${m.name}`
      const payload = { to: lead.email, subject: `Försenade och förfaller i dag: ${late.length} + ${dueToday.length} ärenden (${today})`, text, about: 'digest' }
      await tx`insert into outbox (kind, payload) values ('email', ${tx.json(payload)})`
      return 1
    })
  }
  return sent
}
