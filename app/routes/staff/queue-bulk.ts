/** Bulk work in the queue (issue 11): what the form posts and what the page shows back. */
export const BULK_INTENTS = ['claim', 'release', 'reassign', 'forward', 'close'] as const
export type BulkIntent = (typeof BULK_INTENTS)[number]
/** A ticked row's checkbox: `<case id>:<seq>` (ADR 030). */
export const BULK_CASE_FIELD = 'arende'
/** More than a page or two of the queue at once is more likely a mistake than a plan. */
export const BULK_MAX = 100

export type BulkLine = { id: string; number: string }
export type BulkResult = { done: BulkLine[]; stale: BulkLine[]; refused: (BulkLine & { reason: string })[]; missing: number }
export type BulkActionData = {
  intent: BulkIntent
  /** What was chosen, shown again beside an error. */
  values: { team: string; outcome: string; department: string; forwardNote: string }
  errors?: Record<string, string>
  /** The ticked cases' ids with `errors`: the rows stay ticked when the page is drawn again without JavaScript. */
  ticked?: string[]
  result?: BulkResult
}

export const BULK_DONE: Record<BulkIntent, (n: number) => string> = {
  claim: (n) => `${n} ${n === 1 ? 'ärende är taget' : 'ärenden är tagna'} av dig.`,
  release: (n) => `${n} ${n === 1 ? 'ärende är släppt' : 'ärenden är släppta'} och ligger bland Nya.`,
  reassign: (n) => `${n} ${n === 1 ? 'ärende är flyttat' : 'ärenden är flyttade'} till det nya teamet.`,
  forward: (n) => `${n} ${n === 1 ? 'ärende är vidarebefordrat' : 'ärenden är vidarebefordrade'} till förvaltningen.`,
  close: (n) => `${n} ${n === 1 ? 'ärende är avslutat' : 'ärenden är avslutade'}.`,
}
