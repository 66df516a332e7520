import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from 'react-router'
import { createApp } from '#server/app.ts'
import { setEnv } from '#services/env.server.ts'
import { useTileFixture } from './tile-fixture.ts'

/**
 * The production build for the outage tests: with a database that cannot be reached, or with
 * OUTAGE_DATABASE_URL, a database behind a connection the test cuts and restores (db-outage.test.ts).
 */
// Through setEnv: the settings may have been read already while the imports above were evaluated.
setEnv({ DATABASE_URL: process.env.OUTAGE_DATABASE_URL ?? 'postgres://nobody@127.0.0.1:1/none' })
await useTileFixture(`down-${process.env.PORT}`)
const dir = resolve(process.env.BUILD_DIR ?? 'build')
const build = (await import(pathToFileURL(`${dir}/server/index.js`).href)) as ServerBuild
createApp({ build, mode: 'production', bodyLimitMb: 35, clientDir: `${dir}/client` }).listen(Number(process.env.PORT))
