import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

/**
 * The files a module reaches through its imports, transitively, within one checkout: relative paths and the
 * package.json "imports" aliases (`#services/…`) are followed, packages are not. Read from the source text, so it
 * also works on an older checkout that is never built (the rolling-deploy check).
 */
export function importGraph(root: string) {
  const aliases = Object.entries((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { imports?: Record<string, string> }).imports ?? {})
  const direct = new Map<string, string[]>()

  const resolveFrom = (from: string, spec: string): string | undefined => {
    let base: string | undefined
    if (spec.startsWith('.')) base = resolve(dirname(from), spec)
    else for (const [alias, target] of aliases) if (alias.endsWith('*') && spec.startsWith(alias.slice(0, -1))) base = resolve(root, target.replace('*', spec.slice(alias.length - 1)))
    if (!base) return undefined
    return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((p) => existsSync(p) && !p.endsWith('/'))
  }

  // Imported data (a JSON catalog, say) is part of what a module is, but has no imports of its own.
  const importsOf = (file: string): string[] => {
    if (!/\.tsx?$/.test(file)) return []
    let found = direct.get(file)
    if (!found) {
      const text = readFileSync(file, 'utf8')
      const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!)
      found = specs.map((s) => resolveFrom(file, s)).filter((p): p is string => p !== undefined)
      direct.set(file, found)
    }
    return found
  }

  /** `file` (relative to the root) and every source file it reaches, relative to the root. */
  return (file: string): Set<string> => {
    const seen = new Set<string>()
    const stack = [resolve(root, file)]
    while (stack.length) {
      const at = stack.pop()!
      if (seen.has(at)) continue
      seen.add(at)
      stack.push(...importsOf(at))
    }
    return new Set([...seen].map((p) => relative(root, p)))
  }
}
