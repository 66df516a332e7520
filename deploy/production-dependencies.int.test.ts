import { existsSync, readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, relative, resolve } from 'node:path'
import ts from 'typescript'
import { beforeAll, describe, expect, it } from 'vitest'
import { ensureProductionBuild } from '#tests/production-build.ts'

// The image installs production dependencies only (npm ci --omit=dev, Dockerfile). A development package
// loaded at start — the mail catcher's smtp-server once was — crashes every container while every test
// passes, since tests run with everything installed. These checks read what production loads.

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> }
const production = new Set(Object.keys(pkg.dependencies))
const builtin = new Set(builtinModules)
const packageOf = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/')
const isPackage = (specifier: string) => !specifier.startsWith('.') && !specifier.startsWith('#') && !specifier.startsWith('node:') && !builtin.has(packageOf(specifier))

/** Value imports a module loads when it is loaded: static imports and re-exports, not `import type` or `import()`. */
function staticImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest)
  const out: string[] = []
  for (const node of source.statements) {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly && ts.isStringLiteral(node.moduleSpecifier)) {
      const bindings = node.importClause?.namedBindings
      const onlyTypes = bindings && ts.isNamedImports(bindings) && !node.importClause?.name && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly)
      if (!onlyTypes) out.push(node.moduleSpecifier.text)
    }
    if (ts.isExportDeclaration(node) && !node.isTypeOnly && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) out.push(node.moduleSpecifier.text)
  }
  return out
}

/** Every package the server process loads at start, following the repository's own modules from `entry`. */
function packagesLoadedFrom(entry: string): Map<string, string> {
  const found = new Map<string, string>()
  const seen = new Set<string>()
  const queue = [resolve(entry)]
  for (let file = queue.pop(); file; file = queue.pop()) {
    if (seen.has(file)) continue
    seen.add(file)
    for (const specifier of staticImports(file)) {
      if (isPackage(specifier)) found.set(packageOf(specifier), file)
      else if (specifier.startsWith('.')) {
        const next = resolve(dirname(file), specifier)
        if (existsSync(next)) queue.push(next)
      }
    }
  }
  return found
}

beforeAll(() => ensureProductionBuild(), 600_000)

describe('a production install (npm ci --omit=dev) has what the portal loads', () => {
  it('for server/start.ts and every module it imports', () => {
    const loaded = packagesLoadedFrom('server/start.ts')
    expect(loaded.has('express')).toBe(true)
    const missing = [...loaded].filter(([name]) => !production.has(name)).map(([name, from]) => `${name} (from ${relative('.', from)})`)
    expect(missing).toEqual([])
  })

  it('for the built server bundle', () => {
    const bundle = readFileSync('build/server/index.js', 'utf8')
    const specifiers = [...bundle.matchAll(/^import\s+(?:[^'"]*?\s+from\s+)?["']([^"']+)["'];?$/gm)].map((m) => m[1]!)
    expect(specifiers).toContain('react-router')
    expect(specifiers.filter(isPackage).map(packageOf).filter((name) => !production.has(name))).toEqual([])
  })
})
