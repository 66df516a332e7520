import { migrate } from '../services/db/migrate.server.ts'
import { sql, closeSql } from '../services/db/sql.server.ts'
await migrate(sql())
console.log(await sql()`select * from case_contacts_of('{"email":"Anna@X.se","phone":"+46704445566","address":{"street":" Bollmora  allé 2","postcode":"135 40","city":"Tyresö"}}'::jsonb, '{"personnummer":"198112189876"}'::jsonb, '{"pages":[]}'::jsonb)`)
await closeSql()
