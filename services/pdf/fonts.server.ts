import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { PDFDocument } from 'pdf-lib'

// Resolving through Node (not a path relative to this file) keeps working both from source under tsx/vitest
// and from the Vite server bundle in build/server/, since node_modules is present at runtime in both.
const require = createRequire(import.meta.url)

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0]

// The package is a UMD bundle whose ESM namespace differs between Node and Vite; require() gives the same
// object everywhere.
export const fontkit = require('@pdf-lib/fontkit') as Fontkit

// DejaVu Sans covers å ä ö, U+2212 (the minus sign sv-SE number formatting uses) and ✓, none of which the
// WinAnsi standard fonts can all encode.
const FONT_FILES = {
  regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
} as const

export type FontStyle = keyof typeof FONT_FILES

const cache = new Map<FontStyle, Promise<Uint8Array>>()

export function loadFontBytes(style: FontStyle): Promise<Uint8Array> {
  let bytes = cache.get(style)
  if (!bytes) {
    bytes = readFile(require.resolve(FONT_FILES[style])).then((buffer) => new Uint8Array(buffer))
    // A failed read must not poison the cache for the life of the process.
    bytes.catch(() => cache.delete(style))
    cache.set(style, bytes)
  }
  return bytes
}
