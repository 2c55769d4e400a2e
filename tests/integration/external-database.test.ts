import { Client } from "pg"
import { afterAll, describe, expect, it } from "vitest"
import { databaseName, dropDatabase, freePort, withDatabase } from "../../backend/scripts/lib/database"
import { prepareStack, type PreparedStack } from "../../backend/scripts/lib/stack-up"
import { testStack } from "../support/stack"

// `npm start` / `npm run seed` with DATABASE_URL set use that server instead of the embedded
// one: the database is created when missing and migrated. The test points DATABASE_URL at the
// test stack's server, with a database name of its own.
const name = `gwc_external_${Date.now().toString(36)}`
let prepared: PreparedStack | null = null
const savedUrl = process.env.DATABASE_URL

afterAll(async () => {
  await prepared?.stop()
  process.env.DATABASE_URL = savedUrl
  if (savedUrl === undefined) delete process.env.DATABASE_URL
  await dropDatabase(testStack().databaseUrl, name).catch(() => undefined)
})

describe("an external PostgreSQL via DATABASE_URL", () => {
  it("is used instead of the embedded one: database created and migrated", async () => {
    const stack = testStack()
    process.env.DATABASE_URL = withDatabase(stack.databaseUrl, name)
    prepared = await prepareStack({
      port: await freePort(),
      mode: "source",
      output: { dir: stack.logDir },
      log: () => undefined,
      dataDir: stack.runDir,
      envFile: `${stack.runDir}/.env`,
    })
    expect(prepared.embedded).toBeNull()
    expect(databaseName(prepared.databaseUrl)).toBe(name)

    const client = new Client({ connectionString: prepared.databaseUrl })
    await client.connect()
    try {
      const { rows } = await client.query("select count(*)::int as n from pg_tables where schemaname = 'public'")
      expect(rows[0].n).toBeGreaterThan(100) // Medusa's modules and links
      // Migrations ran (the store row itself is made when the app first boots, not here).
      const migrations = await client.query("select count(*)::int as n from mikro_orm_migrations")
      expect(migrations.rows[0].n).toBeGreaterThan(50)
      const product = await client.query("select to_regclass('public.product') as t")
      expect(product.rows[0].t).toBe("product")
    } finally {
      await client.end()
    }
  })
})
