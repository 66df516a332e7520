import { readdirSync, readFileSync } from 'node:fs'

/**
 * CPU seconds used so far by the processes of one process group, split into the portal's node and
 * PostgreSQL: on two cores this tells whether the portal is CPU-bound, and on what. Linux /proc only;
 * elsewhere it reports nothing rather than guessing.
 */
export type CpuSample = { at: number; node: number; postgres: number; other: number; bench: number; machineBusy: number }

// USER_HZ: 100 on every Linux architecture node runs on.
const TICKS_PER_SECOND = 100

export function sampleGroupCpu(pgid: number | undefined): CpuSample | null {
  if (pgid === undefined) return null
  let pids: string[]
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d))
  } catch {
    return null
  }
  type Proc = { pid: number; ppid: number; pgrp: number; comm: string; seconds: number }
  const procs: Proc[] = []
  for (const pid of pids) {
    let stat: string
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    } catch {
      continue // Exited meanwhile.
    }
    // The command name is in parentheses and may hold spaces; the numeric fields follow the last ')'.
    const close = stat.lastIndexOf(')')
    const fields = stat.slice(close + 2).split(' ')
    // After the name: state(0) ppid(1) pgrp(2) … utime(11) stime(12).
    procs.push({
      pid: Number(pid),
      ppid: Number(fields[1]),
      pgrp: Number(fields[2]),
      comm: stat.slice(stat.indexOf('(') + 1, close),
      seconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND,
    })
  }
  // PostgreSQL backends call setsid(), leaving the group: follow parent links from the group's members.
  const mine = new Set(procs.filter((p) => p.pgrp === pgid).map((p) => p.pid))
  for (let grew = true; grew; ) {
    grew = false
    for (const p of procs)
      if (!mine.has(p.pid) && mine.has(p.ppid)) {
        mine.add(p.pid)
        grew = true
      }
  }
  // The bench process too (autocannon, and the ceiling's worker thread): it shares the same two cores.
  const own = process.cpuUsage()
  const sample: CpuSample = { at: performance.now(), node: 0, postgres: 0, other: 0, bench: (own.user + own.system) / 1e6, machineBusy: machineBusySeconds() }
  for (const p of procs) {
    if (!mine.has(p.pid)) continue
    if (p.comm.startsWith('node')) sample.node += p.seconds
    else if (p.comm.startsWith('postgres')) sample.postgres += p.seconds
    else sample.other += p.seconds
  }
  return sample
}

/** Average cores busy between two samples (1.0 = one core fully used). */
/** CPU seconds all processes on the machine have used since boot (the first line of /proc/stat). */
function machineBusySeconds(): number {
  try {
    const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/)
    const n = ticks.map(Number)
    // user nice system idle iowait irq softirq steal: everything but idle and iowait is work.
    const busy = n.reduce((sum, v, i) => (i === 3 || i === 4 || i >= 8 ? sum : sum + v), 0)
    return busy / TICKS_PER_SECOND
  } catch {
    return NaN
  }
}

/** `others`: cores busy with processes that are neither the portal nor the bench (a shared machine). */
export type CoresBusy = { node: number; postgres: number; bench: number; others: number }

export function coresBusy(a: CpuSample | null, b: CpuSample | null): CoresBusy | null {
  if (!a || !b) return null
  const wall = (b.at - a.at) / 1000
  if (wall <= 0) return null
  const node = (b.node - a.node) / wall
  const postgres = (b.postgres - a.postgres) / wall
  const bench = (b.bench - a.bench) / wall
  const all = (b.machineBusy - a.machineBusy) / wall
  return { node, postgres, bench, others: Math.max(0, all - node - postgres - bench - (b.other - a.other) / wall) }
}
