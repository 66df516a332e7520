// Test helpers: read rendered PDFs back with poppler-utils, an independent reader, rather than with pdf-lib.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

function withFile<T>(bytes: Uint8Array, run: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-test-'))
  try {
    const file = join(dir, 'doc.pdf')
    writeFileSync(file, bytes)
    return run(file)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const run = (tool: string, args: string[]) => execFileSync(`/usr/bin/${tool}`, args, { encoding: 'utf8' })

/** Text of the whole document, or of one 1-based page. */
export function pdfText(bytes: Uint8Array, page?: number): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : []
  return withFile(bytes, (file) => run('pdftotext', [...range, file, '-']))
}

export function pdfInfo(bytes: Uint8Array): Record<string, string> {
  const out = withFile(bytes, (file) => run('pdfinfo', ['-enc', 'UTF-8', file]))
  return Object.fromEntries(out.split('\n').map((line) => line.split(/:\s+(.*)/s, 2).map((s) => s.trim())))
}

/** The XMP metadata packet (`pdfinfo -meta`). */
export function pdfMetadata(bytes: Uint8Array): string {
  return withFile(bytes, (file) => run('pdfinfo', ['-meta', file]))
}

export function pdfFonts(bytes: Uint8Array): string {
  return withFile(bytes, (file) => run('pdffonts', [file]))
}

export type WordBox = { page: number; text: string; xMin: number; yMin: number; xMax: number; yMax: number }

/** Every word with its box in points (origin top left), as poppler lays it out. */
export function pdfWords(bytes: Uint8Array): WordBox[] {
  const html = withFile(bytes, (file) => run('pdftotext', ['-bbox', file, '-']))
  const words: WordBox[] = []
  let page = 0
  const tags = /<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g
  for (const m of html.matchAll(tags)) {
    if (m[0] === '<page ') {
      page += 1
      continue
    }
    words.push({ page, text: m[5] ?? '', xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]) })
  }
  return words
}

/** Pairs of words on the same page whose boxes overlap by more than a hair. */
export function overlappingWords(words: WordBox[], tolerance = 0.5): [WordBox, WordBox][] {
  const overlaps: [WordBox, WordBox][] = []
  words.forEach((a, i) => {
    for (const b of words.slice(i + 1)) {
      if (a.page !== b.page) continue
      const x = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin)
      const y = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin)
      if (x > tolerance && y > tolerance) overlaps.push([a, b])
    }
  })
  return overlaps
}

/** One node of the structure tree as poppler reads it: a tag, its attributes, and its kids (tags and texts) in order. */
export type StructNode = { type: string; attributes: string[]; kids: (StructNode | string)[] }

/**
 * The tagged PDF's structure tree from `pdfinfo -struct-text`: two spaces of indent per level, a tag per line
 * ("TH:" when attributes such as "/Scope /Row" follow, indented a level and a half deeper), and each
 * marked-content text in quotes one level below its tag.
 */
export function pdfStructure(bytes: Uint8Array): StructNode {
  const out = withFile(bytes, (file) => run('pdfinfo', ['-enc', 'UTF-8', '-struct-text', file]))
  const root: StructNode = { type: '(root)', attributes: [], kids: [] }
  const stack: { node: StructNode; depth: number }[] = [{ node: root, depth: -1 }]
  for (const raw of out.split('\n')) {
    if (!raw.trim()) continue
    const depth = (raw.length - raw.trimStart().length) / 2
    while ((stack.at(-1)?.depth ?? -1) >= depth) stack.pop()
    const parent = stack.at(-1)?.node ?? root
    const line = raw.trim()
    if (line.startsWith('"')) parent.kids.push(line.slice(1, -1))
    else if (line.startsWith('/')) parent.attributes.push(line)
    else {
      const node: StructNode = { type: line.split(/[\s:]/)[0] ?? line, attributes: [], kids: [] }
      parent.kids.push(node)
      stack.push({ node, depth })
    }
  }
  return root
}

/** Every text in the structure tree, in structure (reading) order. */
export function structureTexts(node: StructNode): string[] {
  return node.kids.flatMap((kid) => (typeof kid === 'string' ? [kid] : structureTexts(kid)))
}
