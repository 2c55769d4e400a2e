import { Client } from "pg"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { ZhSearchProviderService } from "../../plugins/search/src/providers/zh/service"
import { testStack } from "../support/stack"

// Provider "zh" keeps its engine in each process's memory and PostgreSQL as the record. Two
// provider instances on the test stack's real database stand in for two processes (a server
// and a worker): what one writes, the other must find, and a fresh one must rebuild it all.
let db: Client

/** Medusa's manager runs knex-style `?` placeholders; pg wants `$n`. */
const manager = {
  execute: async (sql: string, params: unknown[] = []) => {
    let n = 0
    return (await db.query(sql.replace(/\?/g, () => `$${++n}`), params)).rows
  },
}
const logger = { info() {}, warn() {}, error() {}, debug() {} } as any

const index = `sync_probe_${Date.now()}`
const definition = {
  name: index,
  entity: "product",
  physical_name: index,
  primary_key: "id",
  provider: "zh",
  definition_hash: "test",
  settings: {},
  fields: {
    id: { type: "keyword", filterable: true },
    title: { type: "text", searchable: { weight: 10 } },
    kind: { type: "keyword", filterable: true, facetable: true },
  },
  seed: async function* () {},
} as any

const provider = (interval = 100) => new ZhSearchProviderService({ manager, logger }, { sync_interval_ms: interval })
const titles = async (p: ZhSearchProviderService, q?: string) =>
  (await p.search({ index: definition, q, attributes_to_retrieve: ["title"], pagination: { take: 50 } } as any)).hits.map((h) => h.document.title)

async function eventually(check: () => Promise<boolean>, timeoutMs = 1_000) {
  const started = Date.now()
  while (Date.now() - started < timeoutMs) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error(`not within ${timeoutMs} ms`)
}

beforeAll(async () => {
  db = new Client({ connectionString: testStack().databaseUrl })
  await db.connect()
})

afterAll(async () => {
  await provider().deleteIndex({ index })
  await db?.end()
})

describe("search provider zh across processes", () => {
  const writer = provider()
  const reader = provider()

  it("what one process writes, another finds within its sync interval", async () => {
    await writer.upsertIndex({ index: definition })
    expect(await titles(reader, "碎纸")).toEqual([])
    await writer.upsertDocuments({
      index,
      definition,
      documents: [
        { id: "a", title: "得力碎纸机 5级保密", kind: "goods" },
        { id: "b", title: "晨光中性笔 0.5mm", kind: "goods" },
        { id: "c", title: "碎纸机租赁 按月", kind: "rental" },
      ],
    })
    // the writer itself sees its write at once
    expect(await titles(writer, "碎纸")).toHaveLength(2)
    await eventually(async () => (await titles(reader, "碎纸")).length === 2)
  })

  it("updates and deletes reach the other process too", async () => {
    await writer.upsertDocuments({ index, definition, documents: [{ id: "a", title: "得力订书机 重型", kind: "goods" }] })
    await writer.deleteDocuments({ index, filters: { id: ["c"] } })
    await eventually(async () => (await titles(reader, "碎纸")).length === 0)
    expect(await titles(reader, "订书机")).toEqual(["得力订书机 重型"])
    // delete by a filter other than ids
    await writer.deleteDocuments({ index, filters: { kind: "goods", title: { $like: "%中性笔%" } } })
    await eventually(async () => (await titles(reader)).length === 1)
  })

  it("a write committed late, behind a newer one already read, still reaches the other process", async () => {
    // A second connection holds its write open while a later write commits and is read.
    const tx = new Client({ connectionString: testStack().databaseUrl })
    await tx.connect()
    const txManager = {
      execute: async (sql: string, params: unknown[] = []) => {
        let n = 0
        return (await tx.query(sql.replace(/\?/g, () => `$${++n}`), params)).rows
      },
    }
    const late = new ZhSearchProviderService({ manager: txManager, logger }, { sync_interval_ms: 100 })
    try {
      await late.search({ index: definition, attributes_to_retrieve: [], pagination: {} } as any)
      await tx.query("BEGIN")
      await late.upsertDocuments({ index, definition, documents: [{ id: "late", title: "迟到的档案柜", kind: "goods" }] })
      await writer.upsertDocuments({ index, definition, documents: [{ id: "early", title: "准时的档案柜", kind: "goods" }] })
      await eventually(async () => (await titles(reader, "档案柜")).length === 1)
      await tx.query("COMMIT")
      await eventually(async () => (await titles(reader, "档案柜")).length === 2)
    } finally {
      await tx.query("ROLLBACK").catch(() => undefined)
      await tx.end()
    }
    await writer.deleteDocuments({ index, filters: { id: ["late", "early"] } })
    await eventually(async () => (await titles(reader, "档案柜")).length === 0)
  })

  it("while nothing changes, a sync costs one small query and reads no rows", async () => {
    const statements: string[] = []
    const counting = {
      execute: async (sql: string, params: unknown[] = []) => {
        statements.push(sql)
        return manager.execute(sql, params)
      },
    }
    // A window of 3 numbers: it moves as soon as the first syncs apply the deletes above.
    const p = new ZhSearchProviderService({ manager: counting, logger }, { sync_interval_ms: 0, sync_window: 3 })
    await titles(p, "订书")
    await titles(p, "订书")
    statements.length = 0
    for (let i = 0; i < 5; i++) expect(await titles(p, "订书")).toEqual(["得力订书机 重型"])
    expect(statements).toHaveLength(5)
    expect(statements.every((sql) => /count\(\*\)/.test(sql))).toBe(true)
    // A write elsewhere: the next sync reads the window again and finds it.
    await writer.upsertDocuments({ index, definition, documents: [{ id: "a", title: "得力订书机 轻型", kind: "goods" }] })
    expect(await titles(p, "订书")).toEqual(["得力订书机 轻型"])
    await writer.upsertDocuments({ index, definition, documents: [{ id: "a", title: "得力订书机 重型", kind: "goods" }] })
  })

  it("a process started later rebuilds the index from PostgreSQL; listIndexes counts it", async () => {
    expect(await titles(provider(), "订书")).toEqual(["得力订书机 重型"])
    const listed = (await writer.listIndexes()).find((i) => i.name === index)
    expect(listed?.document_count).toBe(1)
  })

  it("clearing empties it everywhere", async () => {
    await writer.clearIndex({ index })
    expect(await titles(writer)).toEqual([])
    await eventually(async () => (await titles(reader)).length === 0)
  })

  it("rejects filters it cannot run with INVALID_DATA, not a crash", async () => {
    await expect(
      reader.search({ index: definition, filters: { kind: { $between: [1, 2] } }, attributes_to_retrieve: [], pagination: {} } as any)
    ).rejects.toMatchObject({ type: "invalid_data" })
  })

  it("drops an engine nobody used for a while (the old version after a reindex) and reloads it when asked", async () => {
    const other = { ...definition, name: `${index}_v2`, physical_name: `${index}_v2` }
    const p = new ZhSearchProviderService({ manager, logger }, { sync_interval_ms: 100, idle_engine_ms: 200 })
    try {
      await p.upsertIndex({ index: definition })
      await p.upsertDocuments({ index, definition, documents: [{ id: "d", title: "联想笔记本电脑", kind: "goods" }] })
      await p.upsertIndex({ index: other })
      await p.upsertDocuments({ index: other.physical_name, definition: other, documents: [{ id: "e", title: "华为笔记本电脑", kind: "goods" }] })
      const loaded = (p as unknown as { loaded: Map<string, unknown> }).loaded
      expect([...loaded.keys()].sort()).toEqual([index, other.physical_name].sort())
      await new Promise((resolve) => setTimeout(resolve, 300))
      // Using the new version lets the idle old one go.
      expect((await p.search({ index: other, q: "笔记本", attributes_to_retrieve: ["title"], pagination: {} } as any)).hits.map((h) => h.document.title)).toEqual(["华为笔记本电脑"])
      expect([...loaded.keys()]).toEqual([other.physical_name])
      expect(await titles(p, "笔记本")).toEqual(["联想笔记本电脑"])
      expect(loaded.has(index)).toBe(true)
    } finally {
      await p.deleteIndex({ index: other.physical_name })
    }
  })
})
