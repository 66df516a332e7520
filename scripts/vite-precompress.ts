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
    if (entry.isDirectory()) yield* files(path)
    else yield path
  }
}

/**
 * Writes `.br` (brotli, highest quality: done once per build, not per request) and `.gz` beside every text
 * asset of the browser build, which `express-static-gzip` serves with the matching Content-Encoding.
 * Only the client build: the server bundle is never sent over the wire.
 */
export function precompress(): Plugin {
  return {
    name: 'portal-precompress',
    apply: 'build',
    async writeBundle(options) {
      const dir = options.dir
      if (!dir || !/[\\/]client$/.test(dir)) return
      for await (const path of files(dir)) {
        if (!TEXT.test(path) || (await stat(path)).size < MIN_BYTES) continue
        const bytes = await readFile(path)
        await writeFile(`${path}.br`, await brotli(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }))
        await writeFile(`${path}.gz`, await gz(bytes, { level: 9 }))
      }
    },
  }
}
