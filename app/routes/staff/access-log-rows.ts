import type { AccessLogEntry } from '#services/audit/access-log.server.ts'
import { auditActionLabel, auditDetail } from './audit-labels.ts'
import { dateTimeFormat } from '#forms/kit/intl.ts'

/** The access log's columns, the same on the page and in the CSV file. */
export const ACCESS_LOG_HEADER = ['Tid', 'Personal', 'E-post', 'Vad', 'Ärende', 'Detalj']

// To the second: "when" is the question the log answers.
const time = dateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Stockholm' })

export function accessLogRows(entries: readonly AccessLogEntry[]): string[][] {
  return entries.map((e) => [
    time.format(e.at), e.staffName ?? '', e.staffEmail ?? '', auditActionLabel(e.action), e.caseNumber ?? '', auditDetail(e.details),
  ])
}
