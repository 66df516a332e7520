import { municipality } from '../config/municipality.server.ts'
import { dueIn, lateBefore, type Due } from './working-days.ts'

/** Deadlines in the municipality's own calendar: the working-day rules of ./working-days.ts with its time zone. */

/** Cases due before this instant are late now (the queue's "Försenade", the late flag, the daily digest). */
export const lateCutoff = (now = new Date()): Date => lateBefore(now, municipality().timeZone)

/** A deadline in words and a tone for its colour; null for a case without one (decided, closed). */
export const dueWords = (dueAt: Date | null, now = new Date()): Due | null => (dueAt ? dueIn(dueAt, now, municipality().timeZone) : null)
