import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { Plugin } from 'vite'

const brotli = promisify(brotliCompress)
const gz = promisify(gzip)
/** Text assets worth compressing; images and fonts are compressed already. */
const TEXT = /\.(js|mjs|css|html|json|svg|txt|webmanifest|map)$/
/** Below this a compressed copy saves less than its headers cost. */
const MIN_BYTES = 1024

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    // The build's own records (.vite/) are not served, so they need no compressed copies.
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.')) yield* files(path)
    } else yield path
  }
}

/**
 * Writes `.br` (brotli, highest quality: done once per build, not per request) and `.gz` beside every text
 * file below `dir` worth compressing, which `express-static-gzip` serves with the matching Content-Encoding.
 */
export async function precompressDir(dir: string): Promise<void> {
  for await (const path of files(dir)) {
    if (!TEXT.test(path) || (await stat(path)).size < MIN_BYTES) continue
    const bytes = await readFile(path)
    await writeFile(`${path}.br`, await brotli(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }))
    await writeFile(`${path}.gz`, await gz(bytes, { level: 9 }))
  }
}

/** True for the browser build's output folder: the server bundle is never sent over the wire. */
export const isClientBuild = (dir: string | undefined): dir is string => Boolean(dir && /[\\/]client$/.test(dir))

/** Precompresses the browser build once it is written. */
export function precompress(): Plugin {
  return {
    name: 'portal-precompress',
    apply: 'build',
    async writeBundle(options) {
      if (isClientBuild(options.dir)) await precompressDir(options.dir)
    },
  }
}
