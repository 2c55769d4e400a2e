import fs from "node:fs"
import path from "node:path"
import { Client } from "pg"
import { describe, expect, it } from "vitest"
import { runMedusa } from "../../backend/scripts/lib/medusa"
import { SEED_SCRIPT } from "../../backend/scripts/lib/stack-up"
import { testStack } from "../support/stack"

/** Row counts of every table in the database: the broadest possible "did anything change". */
async function tableCounts(databaseUrl: string): Promise<Record<string, number>> {
  const client = new Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      "select quote_ident(tablename) as name from pg_tables where schemaname = 'public' order by tablename"
    )
    const counts: Record<string, number> = {}
    for (const { name } of tables) {
      const { rows } = await client.query(`select count(*)::int as n from ${name}`)
      counts[name] = rows[0].n
    }
    return counts
  } finally {
    await client.end()
  }
}

describe("the seed is idempotent", () => {
  it("a second run creates nothing and leaves every table's row count unchanged", async () => {
    const stack = testStack()
    const before = await tableCounts(stack.databaseUrl)
    expect(before.product).toBeGreaterThanOrEqual(300)

    const report = path.join(stack.runDir, "seed-again.json")
    await runMedusa(["exec", SEED_SCRIPT], {
      env: { ...stack.env, GWC_SEED_REPORT: report },
      output: { file: path.join(stack.logDir, "seed-again.log") },
    })
    const summary = JSON.parse(fs.readFileSync(report, "utf8"))
    expect(summary.created).toEqual({})

    const after = await tableCounts(stack.databaseUrl)
    expect(after).toEqual(before)
  })
})
