import { prepareDatabase } from '#server/database.ts'
import { closeSql } from '#services/db/sql.server.ts'

// `npm run db:migrate`: applies what is pending, or says which migration failed and exits 1 (nothing applied).
try {
  const { embedded } = await prepareDatabase()
  await closeSql()
  await embedded?.stop()
} catch (e) {
  process.stderr.write(`db:migrate: ${e instanceof Error ? e.message : String(e)}\n`)
  await closeSql().catch(() => {})
  process.exit(1)
}
