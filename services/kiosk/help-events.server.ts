import { sql, type Sql } from '../db/sql.server.ts'
import { HELP_CHANNEL, type HelpEvent } from './help.server.ts'

type Subscriber = { location: string; send: (event: HelpEvent) => void }

type State = { subscribers: Set<Subscriber>; listening?: { db: Sql; ready: Promise<unknown> } }
const g = globalThis as typeof globalThis & { __kioskHelpEvents?: State }
const state = (g.__kioskHelpEvents ??= { subscribers: new Set() })

function deliver(payload: string) {
  let event: HelpEvent
  try {
    event = JSON.parse(payload) as HelpEvent
  } catch {
    return
  }
  for (const s of state.subscribers) if (s.location === event.location) s.send(event)
}

/**
 * One LISTEN per process (postgres.js keeps a dedicated connection for it and listens again after a
 * reconnect), fanned out to the open event streams of staff pages. Several portal processes each listen,
 * so a request made through one reaches staff connected to another.
 */
async function ensureListening(): Promise<void> {
  const db = sql()
  if (state.listening?.db !== db) {
    const ready = db.listen(HELP_CHANNEL, deliver)
    state.listening = { db, ready }
    ready.catch(() => {
      if (state.listening?.ready === ready) state.listening = undefined
    })
  }
  await state.listening.ready
}

/** Calls `send` for every help request change at `location` until the returned function is called. */
export async function subscribeHelp(location: string, send: (event: HelpEvent) => void): Promise<() => void> {
  const subscriber = { location, send }
  state.subscribers.add(subscriber)
  try {
    await ensureListening()
  } catch (e) {
    state.subscribers.delete(subscriber)
    throw e
  }
  return () => {
    state.subscribers.delete(subscriber)
  }
}
