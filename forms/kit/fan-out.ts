import { holds } from './conditions.ts'
import type { Answers, FormDefinition, Text } from './types.ts'

export type SubCase = { id: string; team: string; department?: string; title: Text; pages?: string[] }

/**
 * The sub-cases a received case fans out to: one per `fanOut` entry whose condition holds on the stored
 * answers (nyinflyttad: one per chosen service). Creating and linking them is the receiving service's job.
 */
export function fanOut(def: FormDefinition, answers: Answers): SubCase[] {
  return (def.fanOut ?? [])
    .filter((f) => holds(f.when, answers))
    .map((f) => ({ id: f.id, team: f.team, title: f.title, ...(f.department ? { department: f.department } : {}), ...(f.pages ? { pages: f.pages } : {}) }))
}

/** Every team id a definition routes to (routing, flags, fan-out), for checking against configuration. */
export function referencedTeams(def: FormDefinition): string[] {
  const teams = [def.routing.team, ...(def.flags ?? []).flatMap((f) => (f.routeTo ? [f.routeTo] : [])), ...(def.fanOut ?? []).map((f) => f.team)]
  return [...new Set(teams)].sort()
}
