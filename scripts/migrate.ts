import { prepareDatabase } from '../server/database.ts'
import { closeSql } from '../services/db/sql.server.ts'

const { embedded } = await prepareDatabase()
await closeSql()
await embedded?.stop()
