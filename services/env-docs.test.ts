import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BENCH_ENV_NAMES, ENV_NAMES, SCRIPT_ENV_NAMES } from './env.server.ts'

/** The variable names in the first column of the tables between `heading` and the next heading of its level. */
function documentedIn(file: string, heading: string): string[] {
  const text = readFileSync(file, 'utf8')
  const start = text.indexOf(`\n${heading}\n`)
  if (start < 0) throw new Error(`${file} has no "${heading}"`)
  const level = heading.slice(0, heading.indexOf(' ') + 1)
  const rest = text.slice(start + heading.length + 2)
  const end = rest.search(new RegExp(`^${level}`, 'm'))
  const section = end < 0 ? rest : rest.slice(0, end)
  const names = section.split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => [...(line.split('|')[1] ?? '').matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1]!))
  return [...new Set(names)].sort()
}

/** Source files of the running portal, its scripts and its benchmarks (tests excluded) that mention process.env. */
function readersOfProcessEnv(): string[] {
  return ['app', 'forms', 'server', 'services', 'scripts', 'bench']
    .flatMap((dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f)))
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    .filter((f) => readFileSync(f, 'utf8').includes('process.env'))
}

describe('the settings and their documentation', () => {
  it('docs/deployment.md lists exactly the settings the portal reads: none missing, none unknown', () => {
    expect(documentedIn('docs/deployment.md', '## Settings')).toEqual([...ENV_NAMES].sort())
  })

  it('the README names only settings the portal reads', () => {
    const unknown = documentedIn('README.md', '## Configuration').filter((name) => !ENV_NAMES.includes(name as never))
    expect(unknown).toEqual([])
  })

  it('docs/operations.md lists exactly the settings of the operator scripts', () => {
    expect(documentedIn('docs/operations.md', '## Script settings')).toEqual([...SCRIPT_ENV_NAMES].sort())
  })

  it('docs/performance.md lists exactly the settings of the benchmarks', () => {
    expect(documentedIn('docs/performance.md', '## Bench settings')).toEqual([...BENCH_ENV_NAMES].sort())
  })

  it('the portal, its scripts and its benchmarks read the environment only through services/env.server.ts, so no setting escapes the list', () => {
    expect(readersOfProcessEnv()).toEqual(['services/env.server.ts'])
  })
})
