import type { Due } from '#services/cases/working-days.ts'
import { formatDate } from './labels.ts'

/** A deadline as a date with its words beside it ("förfaller i dag", "2 dagar sen"); the colour only repeats the words. */
export function DueWords({ due }: { due: Due }) {
  return <span className={`due due--${due.tone}`}>{due.sv}</span>
}

/**
 * The queue's deadline cell. The only cell that may take two lines (date, then words): with the words beside the
 * date the queue no longer fit 1366 px.
 */
export function DueCell({ dueAt, due }: { dueAt: string | null; due: Due | null }) {
  return <td className="queue-table__due">{dueAt && due ? <>{formatDate(dueAt)} <DueWords due={due} /></> : '–'}</td>
}

/** What happened since the viewer last looked ("Nytt meddelande"), before the flags. */
export function NewsMark({ label }: { label: string }) {
  return <strong className="news">{label}</strong>
}
