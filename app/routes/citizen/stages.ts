import { STAGES, type HistoryKind, type Stage } from '#services/cases/citizen-timeline.ts'
import type { UiKey } from '#app/i18n.ts'

const STAGE_KEYS: Record<Stage, UiKey> = {
  received: 'stageReceived', handling: 'stageHandling', waiting: 'stageWaiting', decided: 'stageDecided', closed: 'stageClosed',
}
const HISTORY_KEYS: Record<HistoryKind, UiKey> = {
  received: 'evReceived', handling: 'evHandling', supplementRequested: 'evSupplementRequested', supplementReceived: 'evSupplementReceived',
  decided: 'evDecided', closed: 'evClosed', reopened: 'evReopened',
}

export const stageKey = (s: Stage) => STAGE_KEYS[s]
export const historyKey = (k: HistoryKind) => HISTORY_KEYS[k]

/**
 * The stages a citizen is shown, in order. "Waiting for you" appears only while it applies (or has): most
 * cases never need a supplement, and a step that never happens would only worry.
 */
export function shownStages(current: Stage, everWaited: boolean): Stage[] {
  return STAGES.filter((s) => s !== 'waiting' || current === 'waiting' || everWaited)
}
