/**
 * The queue's views (issue 5) and sort orders, by their names in the URL: the queue reads by them
 * (queue.server.ts), and the queue page parses and links them (app/routes/staff/queue-params.ts).
 */
export const VIEWS = ['nya', 'mina', 'forsenade', 'vantar', 'vidarebefordrade', 'beslutade', 'alla'] as const
export type QueueView = (typeof VIEWS)[number]
/** A förvaltning user sees only cases forwarded to their department: to accept, accepted, and all. */
export const DEPARTMENT_VIEWS: readonly QueueView[] = ['nya', 'mina', 'alla']
export const SORTS = ['aldst', 'nyast', 'frist'] as const
export type QueueSort = (typeof SORTS)[number]
