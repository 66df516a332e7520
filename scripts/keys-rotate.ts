import { prepareDatabase } from '#server/database.ts'
import { rotateAnswerKeys } from '#services/crypto/rotate.server.ts'
import { answerKeys } from '#services/crypto/answer-keys.server.ts'
import { closeSql, sql } from '#services/db/sql.server.ts'

// `npm run keys:rotate`: re-encrypts secret answers under the first key of ANSWER_KEYS (ADR 019).

let code = 0
const { embedded } = await prepareDatabase()
try {
  const keys = answerKeys()
  const done = await rotateAnswerKeys(sql(), keys)
  console.info(`Re-encrypted under key "${keys.current.kid}": ${done.drafts} drafts, ${done.cases} cases.`)
} catch (e) {
  console.error(e instanceof Error ? e.message : e)
  code = 1
} finally {
  await closeSql()
  await embedded?.stop()
}
process.exit(code)
