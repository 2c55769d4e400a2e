// The Meilisearch provider of Medusa's Search Module (plugins/search-meilisearch), tested end to end
// at the HTTP boundary: the provider and the real `meilisearch` client talk to a fake Meilisearch
// HTTP server started in this file, which records every request and answers like Meilisearch does
// (indexes, settings, documents, asynchronous tasks, multi-search, stats).

import http from "node:http"
import type { AddressInfo } from "node:net"
import type { SearchTypes } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import providerModule from "../../plugins/search-meilisearch/src/providers/meilisearch"
import { MeilisearchSearchProviderService } from "../../plugins/search-meilisearch/src/providers/meilisearch/service"

/* ================================ fake Meilisearch HTTP boundary ================================ */

type Json = any
type Recorded = { method: string; path: string; query: Record<string, string>; body: Json; authorization?: string }
type FakeIndex = {
  uid: string
  primaryKey: string | null
  createdAt: string
  updatedAt: string
  documents: Map<string, Record<string, unknown>>
  settings: Record<string, unknown>
}
type FakeTask = {
  uid: number
  batchUid: number | null
  indexUid: string | null
  status: "enqueued" | "processing" | "succeeded" | "failed"
  type: string
  canceledBy: null
  details: Record<string, unknown>
  error: { message: string; code: string; type: string; link: string } | null
  duration: string | null
  enqueuedAt: string
  startedAt: string | null
  finishedAt: string | null
  polls: number
  apply: () => { message: string; code: string } | void
}
type MeiliError = { message: string; code: string }

/**
 * Fake Meilisearch HTTP boundary. Writes return `202 { taskUid, … }` and are applied only when the
 * task is polled to completion (GET /tasks/:uid answers enqueued → processing → succeeded|failed),
 * so a caller that does not wait for its tasks does not see its writes. Search answers come from
 * the stored documents (no filter evaluation: the tests assert the filter text the provider sends)
 * unless a test installs `onSearch`.
 */
class FakeMeilisearch {
  requests: Recorded[] = []
  indexes = new Map<string, FakeIndex>()
  tasks = new Map<number, FakeTask>()
  /** Return an error to make the task of a write fail the way Meilisearch reports it. */
  failTask?: (type: string, indexUid: string | null, body: Json) => MeiliError | undefined
  /** Override (part of) the answer to one multi-search query. */
  onSearch?: (query: Json, position: number) => Json | undefined
  /** Answer one multi-search query with an HTTP error, as Meilisearch does for a bad parameter. */
  rejectSearch?: (query: Json) => { status: number; error: MeiliError } | undefined
  private server = http.createServer((req, res) => this.handle(req, res))
  private nextTask = 0
  url = ""

  async start() {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }

  async stop() {
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  reset() {
    this.requests = []
    this.indexes.clear()
    this.tasks.clear()
    this.failTask = undefined
    this.onSearch = undefined
    this.rejectSearch = undefined
    this.nextTask = 0
  }

  createIndex(uid: string, primaryKey = "id", documents: Record<string, unknown>[] = []) {
    const now = new Date("2026-01-01T00:00:00Z").toISOString()
    const index: FakeIndex = { uid, primaryKey, createdAt: now, updatedAt: now, documents: new Map(), settings: {} }
    for (const doc of documents) index.documents.set(String(doc[primaryKey]), doc)
    this.indexes.set(uid, index)
    return index
  }

  /** Requests other than task polling, as "METHOD /path". */
  calls() {
    return this.requests.filter((r) => !r.path.startsWith("/tasks/")).map((r) => `${r.method} ${r.path}`)
  }

  bodiesOf(method: string, path: string) {
    return this.requests.filter((r) => r.method === method && r.path === path).map((r) => r.body)
  }

  private enqueue(res: http.ServerResponse, type: string, indexUid: string | null, body: Json, apply: FakeTask["apply"]) {
    const uid = this.nextTask++
    const enqueuedAt = new Date().toISOString()
    const failure = this.failTask?.(type, indexUid, body)
    this.tasks.set(uid, {
      uid,
      batchUid: null,
      indexUid,
      status: "enqueued",
      type,
      canceledBy: null,
      details: {},
      error: null,
      duration: null,
      enqueuedAt,
      startedAt: null,
      finishedAt: null,
      polls: 0,
      apply: failure ? () => failure : apply,
    })
    this.send(res, 202, { taskUid: uid, indexUid, status: "enqueued", type, enqueuedAt })
  }

  private advance(task: FakeTask) {
    task.polls++
    if (task.status === "enqueued") {
      task.status = "processing"
      task.startedAt = new Date().toISOString()
      return
    }
    if (task.status === "processing") {
      const failure = task.apply()
      task.finishedAt = new Date().toISOString()
      task.duration = "PT0.001S"
      if (failure) {
        task.status = "failed"
        task.error = { ...failure, type: "invalid_request", link: `https://docs.meilisearch.com/errors#${failure.code}` }
      } else {
        task.status = "succeeded"
      }
    }
  }

  private notFound(res: http.ServerResponse, uid: string) {
    this.send(res, 404, {
      message: `Index \`${uid}\` not found.`,
      code: "index_not_found",
      type: "invalid_request",
      link: "https://docs.meilisearch.com/errors#index_not_found",
    })
  }

  private send(res: http.ServerResponse, status: number, body: Json) {
    res.writeHead(status, { "content-type": "application/json" })
    res.end(JSON.stringify(body))
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const text = Buffer.concat(chunks).toString("utf8")
    const url = new URL(req.url ?? "/", "http://fake")
    const body = text ? JSON.parse(text) : undefined
    const method = req.method ?? "GET"
    const path = url.pathname
    this.requests.push({
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      body,
      authorization: req.headers.authorization,
    })
    const parts = path.split("/").filter(Boolean)

    if (method === "GET" && parts[0] === "tasks" && parts.length === 2) {
      const task = this.tasks.get(Number(parts[1]))
      if (!task) return this.send(res, 404, { message: "Task not found.", code: "task_not_found", type: "invalid_request" })
      this.advance(task)
      const { polls: _polls, apply: _apply, ...wire } = task
      return this.send(res, 200, wire)
    }
    if (method === "GET" && path === "/stats") {
      const indexes: Record<string, Json> = {}
      for (const index of this.indexes.values()) {
        indexes[index.uid] = { numberOfDocuments: index.documents.size, isIndexing: false, fieldDistribution: {} }
      }
      return this.send(res, 200, { databaseSize: 1, usedDatabaseSize: 1, lastUpdate: null, indexes })
    }
    if (method === "POST" && path === "/multi-search") {
      return this.multiSearch(res, body)
    }
    if (parts[0] !== "indexes") return this.send(res, 404, { message: "not found", code: "not_found" })

    if (parts.length === 1 && method === "GET") {
      const all = [...this.indexes.values()].map(({ uid, primaryKey, createdAt, updatedAt }) => ({
        uid,
        primaryKey,
        createdAt,
        updatedAt,
      }))
      const offset = Number(url.searchParams.get("offset") ?? 0)
      const limit = Number(url.searchParams.get("limit") ?? 20)
      return this.send(res, 200, { results: all.slice(offset, offset + limit), offset, limit, total: all.length })
    }
    if (parts.length === 1 && method === "POST") {
      return this.enqueue(res, "indexCreation", body.uid, body, () => {
        if (this.indexes.has(body.uid)) return { message: `Index \`${body.uid}\` already exists.`, code: "index_already_exists" }
        this.createIndex(body.uid, body.primaryKey ?? null)
      })
    }

    const uid = parts[1]
    const index = this.indexes.get(uid)
    const rest = parts.slice(2).join("/")

    if (rest === "" && method === "GET") {
      if (!index) return this.notFound(res, uid)
      const { documents: _d, settings: _s, ...info } = index
      return this.send(res, 200, info)
    }
    if (rest === "" && method === "PATCH") {
      return this.enqueue(res, "indexUpdate", uid, body, () => {
        const target = this.indexes.get(uid)
        if (!target) return { message: `Index \`${uid}\` not found.`, code: "index_not_found" }
        target.primaryKey = body.primaryKey
      })
    }
    if (rest === "" && method === "DELETE") {
      return this.enqueue(res, "indexDeletion", uid, body, () => {
        if (!this.indexes.delete(uid)) return { message: `Index \`${uid}\` not found.`, code: "index_not_found" }
      })
    }
    if (rest === "settings" && method === "PATCH") {
      return this.enqueue(res, "settingsUpdate", uid, body, () => {
        const target = this.indexes.get(uid) ?? this.createIndex(uid, null as unknown as string)
        Object.assign(target.settings, body)
      })
    }
    if (rest === "documents" && method === "POST") {
      const primaryKey = url.searchParams.get("primaryKey")
      return this.enqueue(res, "documentAdditionOrUpdate", uid, body, () => {
        const target = this.indexes.get(uid) ?? this.createIndex(uid, primaryKey ?? "id")
        for (const doc of body as Record<string, unknown>[]) {
          target.documents.set(String(doc[target.primaryKey ?? primaryKey ?? "id"]), doc)
        }
      })
    }
    if (rest === "documents" && method === "DELETE") {
      return this.enqueue(res, "documentDeletion", uid, body, () => {
        const target = this.indexes.get(uid)
        if (!target) return { message: `Index \`${uid}\` not found.`, code: "index_not_found" }
        target.documents.clear()
      })
    }
    if (rest === "documents/delete-batch" && method === "POST") {
      return this.enqueue(res, "documentDeletion", uid, body, () => {
        const target = this.indexes.get(uid)
        if (!target) return { message: `Index \`${uid}\` not found.`, code: "index_not_found" }
        for (const id of body as string[]) target.documents.delete(String(id))
      })
    }
    if (rest === "documents/delete" && method === "POST") {
      return this.enqueue(res, "documentDeletion", uid, body, () => {
        const target = this.indexes.get(uid)
        if (!target) return { message: `Index \`${uid}\` not found.`, code: "index_not_found" }
        // The one filter shape this fake evaluates: `field = "value"`.
        const match = /^(\w+) = "(.*)"$/.exec(body.filter)
        if (!match) return
        for (const [id, doc] of target.documents) if (String(doc[match[1]]) === match[2]) target.documents.delete(id)
      })
    }
    return this.send(res, 404, { message: `no route ${method} ${path}`, code: "not_found" })
  }

  private multiSearch(res: http.ServerResponse, body: Json) {
    const results: Json[] = []
    for (const [position, query] of (body.queries as Json[]).entries()) {
      const rejected = this.rejectSearch?.(query)
      if (rejected) return this.send(res, rejected.status, { ...rejected.error, type: "invalid_request" })
      const index = this.indexes.get(query.indexUid)
      if (!index) return this.notFound(res, query.indexUid)
      const docs = [...index.documents.values()]
      const pick = (doc: Record<string, unknown>) =>
        query.attributesToRetrieve
          ? Object.fromEntries(
              Object.entries(doc).filter(([key]) =>
                (query.attributesToRetrieve as string[]).some((path) => path.split(".")[0] === key)
              )
            )
          : doc
      const facetDistribution: Record<string, Record<string, number>> = {}
      const facetStats: Record<string, { min: number; max: number }> = {}
      for (const field of query.facets ?? []) {
        const counts: Record<string, number> = {}
        const numbers: number[] = []
        for (const doc of docs) {
          for (const value of [doc[field]].flat()) {
            if (value === undefined || value === null) continue
            counts[String(value)] = (counts[String(value)] ?? 0) + 1
            if (typeof value === "number") numbers.push(value)
          }
        }
        facetDistribution[field] = counts
        if (numbers.length) facetStats[field] = { min: Math.min(...numbers), max: Math.max(...numbers) }
      }
      const paged = query.hitsPerPage !== undefined || query.page !== undefined
      const answer: Json = paged
        ? {
            hits: docs.slice(0, query.hitsPerPage ?? 20).map(pick),
            hitsPerPage: query.hitsPerPage ?? 20,
            page: query.page ?? 1,
            totalHits: docs.length,
            totalPages: 1,
          }
        : {
            hits: docs.slice(query.offset ?? 0, (query.offset ?? 0) + (query.limit ?? 20)).map(pick),
            offset: query.offset ?? 0,
            limit: query.limit ?? 20,
            estimatedTotalHits: docs.length,
          }
      Object.assign(answer, { indexUid: query.indexUid, query: query.q ?? "", processingTimeMs: 1 })
      if (query.facets) Object.assign(answer, { facetDistribution, facetStats })
      Object.assign(answer, this.onSearch?.(query, position) ?? {})
      results.push(answer)
    }
    return this.send(res, 200, { results })
  }
}

/* ========================================== fixtures =========================================== */

const PHYSICAL = "gwc_product_1"

function productDefinition(
  overrides: Partial<SearchTypes.ResolvedSearchIndexDefinition> = {}
): SearchTypes.ResolvedSearchIndexDefinition {
  return {
    name: "product",
    entity: "product",
    primary_key: "id",
    provider: "meilisearch",
    physical_name: PHYSICAL,
    definition_hash: "hash",
    settings: { typo_tolerance: { min_word_size_for_one_typo: 4, disabled_on_attributes: ["sku"] } },
    fields: {
      id: { type: "keyword", filterable: true },
      title: { type: "text", searchable: { weight: 5 } },
      description: { type: "text", searchable: true },
      brand: { type: "keyword", searchable: { weight: 2 }, filterable: true, facetable: true },
      sku: { type: "keyword", searchable: { weight: 3 }, filterable: true },
      tags: { type: "keyword", array: true, filterable: true, facetable: true },
      price: { type: "float", filterable: true, sortable: true, facetable: { types: ["range"] } },
      stock: { type: "integer", filterable: true, facetable: { types: ["stats"] } },
      created_at: { type: "date", filterable: true, sortable: true },
      in_stock: { type: "boolean", filterable: true },
      variants: {
        type: "object",
        array: true,
        fields: { color: { type: "keyword", filterable: true, facetable: true } },
      },
    },
    seed: async function* () {},
    ...overrides,
  }
}

function searchInput(overrides: Partial<SearchTypes.ProviderSearchQuery> = {}): SearchTypes.ProviderSearchQuery {
  return {
    index: productDefinition(),
    attributes_to_retrieve: ["id", "title"],
    pagination: { skip: 0, take: 20 },
    ...overrides,
  }
}

/** Asserts that a promise rejects with a MedusaError of the given type whose message matches. */
async function expectMedusaError(promise: Promise<unknown>, type: string, message: RegExp) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error, "expected a rejection").toBeInstanceOf(MedusaError)
  expect((error as MedusaError).type).toBe(type)
  expect((error as MedusaError).message).toMatch(message)
  return error as MedusaError & { status?: number }
}

/* =========================================== tests ============================================ */

const fake = new FakeMeilisearch()
let provider: MeilisearchSearchProviderService

function makeProvider(options: Record<string, unknown> = {}) {
  return new MeilisearchSearchProviderService(
    {},
    { host: fake.url, api_key: "test-master-key", synonyms: { 笔记本: ["笔记本电脑", "laptop"] }, ...options }
  )
}

beforeAll(async () => {
  await fake.start()
})
afterAll(async () => {
  await fake.stop()
})
beforeEach(() => {
  fake.reset()
  provider = makeProvider()
})

describe("search-meilisearch: the provider package", () => {
  it("exports a Search Module provider whose service is identified as meilisearch", () => {
    expect(providerModule.services).toEqual([MeilisearchSearchProviderService])
    expect(MeilisearchSearchProviderService.identifier).toBe("meilisearch")
    expect(provider.identifier).toBe("meilisearch")
    expect(typeof provider.waitForTask).toBe("function")
  })

  it("refuses to start without a host or with a nonsense batch size", () => {
    expect(() => new MeilisearchSearchProviderService({}, { host: "" })).toThrow(/needs the "host" option/)
    expect(() => new MeilisearchSearchProviderService({}, { host: fake.url, batch_size: 0 })).toThrow(/batch_size/)
  })
})

describe("search-meilisearch: upsertIndex", () => {
  it("creates the index with its primary key, sends the settings derived from the definition and waits for both tasks", async () => {
    const task = await provider.upsertIndex({ index: productDefinition() })

    expect(fake.calls()).toEqual([
      `GET /indexes/${PHYSICAL}`,
      "POST /indexes",
      `PATCH /indexes/${PHYSICAL}/settings`,
    ])
    expect(fake.bodiesOf("POST", "/indexes")).toEqual([{ uid: PHYSICAL, primaryKey: "id" }])
    expect(fake.bodiesOf("PATCH", `/indexes/${PHYSICAL}/settings`)).toEqual([
      {
        searchableAttributes: ["title", "sku", "brand", "description"],
        filterableAttributes: ["id", "brand", "sku", "tags", "price", "stock", "created_at", "in_stock", "variants.color"],
        sortableAttributes: ["price", "created_at"],
        displayedAttributes: ["*"],
        rankingRules: ["sort", "words", "typo", "proximity", "attribute", "exactness"],
        distinctAttribute: null,
        typoTolerance: {
          enabled: true,
          minWordSizeForTypos: { oneTypo: 4, twoTypos: 9 },
          disableOnAttributes: ["sku"],
        },
        faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { "*": "count" } },
        synonyms: { 笔记本: ["笔记本电脑", "laptop"] },
        localizedAttributes: [{ attributePatterns: ["title", "description"], locales: ["cmn"] }],
      },
    ])
    // Both tasks were polled until Meilisearch reported them done.
    expect([...fake.tasks.values()].map((t) => [t.type, t.status])).toEqual([
      ["indexCreation", "succeeded"],
      ["settingsUpdate", "succeeded"],
    ])
    expect(fake.indexes.get(PHYSICAL)?.settings.searchableAttributes).toEqual(["title", "sku", "brand", "description"])
    expect(task).toEqual({ id: "1", index: PHYSICAL, status: "succeeded" })
    expect(fake.requests.every((r) => r.authorization === "Bearer test-master-key")).toBe(true)
  })

  it("only updates the settings of an index that already exists, and carries the distinct attribute and engine extras", async () => {
    fake.createIndex(PHYSICAL, "id")
    await provider.upsertIndex({
      index: productDefinition({
        settings: {
          typo_tolerance: { enabled: false },
          distinct_attribute: "sku",
          provider_options: { meilisearch: { pagination: { maxTotalHits: 5000 } } },
        },
      }),
    })
    expect(fake.calls()).toEqual([`GET /indexes/${PHYSICAL}`, `PATCH /indexes/${PHYSICAL}/settings`])
    const [settings] = fake.bodiesOf("PATCH", `/indexes/${PHYSICAL}/settings`)
    expect(settings.distinctAttribute).toBe("sku")
    expect(settings.typoTolerance).toEqual({
      enabled: false,
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
      disableOnAttributes: [],
    })
    expect(settings.pagination).toEqual({ maxTotalHits: 5000 })
  })

  it("rejects a definition Meilisearch cannot hold before talking to it", async () => {
    const definition = productDefinition()
    definition.fields.embedding = { type: "vector", dimensions: 3 }
    await expectMedusaError(
      provider.upsertIndex({ index: definition }),
      MedusaError.Types.INVALID_DATA,
      /vector field "embedding" is not supported/
    )
    await expectMedusaError(
      provider.upsertIndex({
        index: productDefinition({
          settings: { typo_tolerance: { min_word_size_for_one_typo: 8, min_word_size_for_two_typos: 4 } },
        }),
      }),
      MedusaError.Types.INVALID_DATA,
      /min_word_size_for_two_typos \(4\) cannot be lower/
    )
    expect(fake.requests).toEqual([])
  })

  it("throws, naming the index and Meilisearch's message, when the settings task fails", async () => {
    fake.failTask = (type) =>
      type === "settingsUpdate"
        ? { message: "Invalid value in `synonyms`: expected an object.", code: "invalid_settings_synonyms" }
        : undefined
    const error = await expectMedusaError(
      provider.upsertIndex({ index: productDefinition() }),
      MedusaError.Types.UNEXPECTED_STATE,
      /apply the index settings on index "gwc_product_1".*Invalid value in `synonyms`: expected an object\. \[invalid_settings_synonyms\]/
    )
    expect(error.message).toMatch(/task 1 failed/)
  })
})

describe("search-meilisearch: documents", () => {
  it("writes 2,500 documents in batches of 1,000 and only reports them applied once the tasks are waited for", async () => {
    const documents = Array.from({ length: 2500 }, (_, i) => ({
      id: `prod_${String(i).padStart(4, "0")}`,
      title: `商品 ${i}`,
      price: i,
      created_at: "2026-01-01T00:00:00.000Z",
      not_in_definition: "dropped",
    }))
    const task = await provider.upsertDocuments({ index: PHYSICAL, definition: productDefinition(), documents })

    const writes = fake.requests.filter((r) => r.method === "POST" && r.path === `/indexes/${PHYSICAL}/documents`)
    expect(writes.map((w) => w.body.length)).toEqual([1000, 1000, 500])
    expect(writes.map((w) => w.query)).toEqual([{ primaryKey: "id" }, { primaryKey: "id" }, { primaryKey: "id" }])
    expect(writes[2].body[499]).toEqual({
      id: "prod_2499",
      title: "商品 2499",
      price: 2499,
      created_at: Date.parse("2026-01-01T00:00:00.000Z"),
    })
    expect(task).toEqual({ id: "0,1,2", index: PHYSICAL, status: "enqueued" })
    // Enqueued, not applied: nothing polled the tasks yet.
    expect(fake.indexes.get(PHYSICAL)?.documents.size ?? 0).toBe(0)

    const settled = await provider.waitForTask(task)
    expect(settled).toEqual({ id: "0,1,2", index: PHYSICAL, status: "succeeded" })
    expect(fake.indexes.get(PHYSICAL)?.documents.size).toBe(2500)
    const polls = fake.requests.filter((r) => r.path.startsWith("/tasks/")).map((r) => r.path)
    expect(new Set(polls)).toEqual(new Set(["/tasks/0", "/tasks/1", "/tasks/2"]))
    expect(polls.length).toBeGreaterThanOrEqual(6) // every task was seen still running at least once
  })

  it("uses batch_size from the options", async () => {
    const small = makeProvider({ batch_size: 2 })
    const documents = Array.from({ length: 5 }, (_, i) => ({ id: `p${i}`, title: "x" }))
    const task = await small.upsertDocuments({ index: PHYSICAL, definition: productDefinition(), documents })
    expect(fake.bodiesOf("POST", `/indexes/${PHYSICAL}/documents`).map((b) => b.length)).toEqual([2, 2, 1])
    expect(task.id).toBe("0,1,2")
  })

  it("reports a failed write task as failed, naming the index and carrying Meilisearch's message", async () => {
    fake.failTask = (type) =>
      type === "documentAdditionOrUpdate"
        ? {
            message: "Document identifier `\"bad id\"` is invalid. A document identifier can be of type integer or string.",
            code: "invalid_document_id",
          }
        : undefined
    const task = await provider.upsertDocuments({
      index: PHYSICAL,
      definition: productDefinition(),
      documents: [{ id: "bad id", title: "x" }],
    })
    const settled = await provider.waitForTask(task)
    expect(settled.status).toBe("failed")
    expect(settled.error?.code).toBe("invalid_document_id")
    expect(settled.error?.message).toMatch(
      /^Meilisearch task 0 \(documentAdditionOrUpdate\) on index "gwc_product_1" failed: Document identifier `"bad id"` is invalid/
    )
  })

  it("deletes by primary key through delete-batch and by any other filter through a filter expression", async () => {
    fake.createIndex(PHYSICAL, "id", [
      { id: "p1", brand: "联想" },
      { id: "p2", brand: "华为" },
      { id: "p3", brand: "联想" },
      { id: "p4", brand: "小米" },
    ])
    // A fresh provider knows nothing about the index: it reads the primary key from Meilisearch.
    const byIds = await provider.deleteDocuments({ index: PHYSICAL, filters: { id: ["p1", "p2"] } })
    expect(fake.calls()).toEqual([`GET /indexes/${PHYSICAL}`, `POST /indexes/${PHYSICAL}/documents/delete-batch`])
    expect(fake.bodiesOf("POST", `/indexes/${PHYSICAL}/documents/delete-batch`)).toEqual([["p1", "p2"]])
    expect(byIds.status).toBe("enqueued")
    expect((await provider.waitForTask(byIds)).status).toBe("succeeded")
    expect([...fake.indexes.get(PHYSICAL)!.documents.keys()]).toEqual(["p3", "p4"])

    const byFilter = await provider.deleteDocuments({ index: PHYSICAL, filters: { brand: "联想" } })
    expect(fake.bodiesOf("POST", `/indexes/${PHYSICAL}/documents/delete`)).toEqual([{ filter: 'brand = "联想"' }])
    expect((await provider.waitForTask(byFilter)).status).toBe("succeeded")
    expect([...fake.indexes.get(PHYSICAL)!.documents.keys()]).toEqual(["p4"])
    // The primary key was read once and remembered.
    expect(fake.calls().filter((c) => c === `GET /indexes/${PHYSICAL}`)).toHaveLength(1)

    await provider.deleteDocuments({ index: PHYSICAL, filters: { id: { $eq: "p4" } } })
    expect(fake.bodiesOf("POST", `/indexes/${PHYSICAL}/documents/delete-batch`)).toEqual([["p1", "p2"], ["p4"]])
  })
})

describe("search-meilisearch: clearIndex, deleteIndex, listIndexes", () => {
  it("clears an index's documents and waits for it", async () => {
    fake.createIndex(PHYSICAL, "id", [{ id: "p1" }, { id: "p2" }])
    const task = await provider.clearIndex({ index: PHYSICAL })
    expect(fake.calls()).toEqual([`DELETE /indexes/${PHYSICAL}/documents`])
    expect(task).toEqual({ id: "0", index: PHYSICAL, status: "succeeded" })
    expect(fake.indexes.get(PHYSICAL)?.documents.size).toBe(0)
    expect(fake.indexes.has(PHYSICAL)).toBe(true)
  })

  it("deletes an index, and treats deleting a missing one as done", async () => {
    fake.createIndex(PHYSICAL, "id", [{ id: "p1" }])
    expect(await provider.deleteIndex({ index: PHYSICAL })).toEqual({ id: "0", index: PHYSICAL, status: "succeeded" })
    expect(fake.indexes.has(PHYSICAL)).toBe(false)
    expect(await provider.deleteIndex({ index: PHYSICAL })).toMatchObject({ status: "succeeded" })
    expect(fake.calls()).toEqual([`DELETE /indexes/${PHYSICAL}`, `DELETE /indexes/${PHYSICAL}`])
  })

  it("lists every index with its document count from /stats", async () => {
    fake.createIndex("gwc_product_1", "id", [{ id: "a" }, { id: "b" }, { id: "c" }])
    fake.createIndex("gwc_supplier_1", "id", [])
    const indexes = await provider.listIndexes()
    expect(fake.calls()).toEqual(["GET /indexes", "GET /stats"])
    expect(indexes).toEqual([
      {
        name: "gwc_product_1",
        provider: "meilisearch",
        document_count: 3,
        created_at: new Date("2026-01-01T00:00:00Z"),
        updated_at: new Date("2026-01-01T00:00:00Z"),
      },
      {
        name: "gwc_supplier_1",
        provider: "meilisearch",
        document_count: 0,
        created_at: new Date("2026-01-01T00:00:00Z"),
        updated_at: new Date("2026-01-01T00:00:00Z"),
      },
    ])
  })
})

describe("search-meilisearch: search", () => {
  beforeEach(() => {
    fake.createIndex(PHYSICAL, "id", [{ id: "p1" }])
  })

  it("translates q, filters, facets, pagination, order, highlight and score into one multi-search, and the answers back", async () => {
    const baseFilter = 'brand IN ["联想", "华为"] AND price >= 1000 AND in_stock = true'
    fake.onSearch = (query, position) => {
      if (position === 0) {
        return {
          hits: [
            {
              id: "p1",
              title: "联想笔记本电脑",
              price: 4999,
              created_at: Date.parse("2026-01-01T00:00:00.000Z"),
              _formatted: { id: "p1", title: "联想<em>笔记本电脑</em>", price: "4999" },
              _rankingScore: 0.93,
            },
          ],
          estimatedTotalHits: 14,
          processingTimeMs: 3,
          facetDistribution: {
            brand: { 联想: 5, 华为: 9, 小米: 1 },
            tags: { 轻薄: 7, 办公: 3, 游戏: 2 },
            stock: { "0": 2, "42": 1 },
          },
          facetStats: { stock: { min: 0, max: 42 } },
        }
      }
      const counts: Record<string, number> = {
        [`${baseFilter} AND price < 100`]: 0,
        [`${baseFilter} AND price >= 100 AND price < 500`]: 3,
        [`${baseFilter} AND price >= 500`]: 11,
        [`${baseFilter} AND (stock EXISTS AND stock IS NOT NULL)`]: 13,
      }
      return { totalHits: counts[query.filter] ?? -1 }
    }

    const result = await provider.search(
      searchInput({
        q: "笔记本 电脑",
        filters: { brand: ["联想", "华为"], price: { $gte: 1000 }, in_stock: true },
        attributes_to_retrieve: ["id", "title", "price", "created_at"],
        pagination: { skip: 20, take: 10, order: { price: "ASC", _score: "DESC" } },
        search_options: {
          facets: [
            { field: "brand", type: "value", limit: 2 },
            { field: "tags", type: "value", sort: "alpha" },
            {
              field: "price",
              type: "range",
              ranges: [{ to: 100 }, { key: "mid", from: 100, to: 500 }, { from: 500 }],
            },
            { field: "stock", type: "stats" },
          ],
          highlight: { fields: ["title"], pre_tag: "<em>", post_tag: "</em>" },
          include_score: true,
        },
      })
    )

    expect(fake.calls()).toEqual(["POST /multi-search"])
    const [{ queries }] = fake.bodiesOf("POST", "/multi-search")
    const shared = { indexUid: PHYSICAL, q: "笔记本 电脑", matchingStrategy: "all", locales: ["cmn"] }
    expect(queries).toEqual([
      {
        ...shared,
        filter: baseFilter,
        offset: 20,
        limit: 10,
        attributesToRetrieve: ["id", "title", "price", "created_at"],
        sort: ["price:asc"],
        showRankingScore: true,
        attributesToHighlight: ["title"],
        highlightPreTag: "<em>",
        highlightPostTag: "</em>",
        facets: ["brand", "tags", "stock"],
      },
      { ...shared, filter: `${baseFilter} AND price < 100`, page: 1, hitsPerPage: 0 },
      { ...shared, filter: `${baseFilter} AND price >= 100 AND price < 500`, page: 1, hitsPerPage: 0 },
      { ...shared, filter: `${baseFilter} AND price >= 500`, page: 1, hitsPerPage: 0 },
      { ...shared, filter: `${baseFilter} AND (stock EXISTS AND stock IS NOT NULL)`, page: 1, hitsPerPage: 0 },
    ])

    expect(result).toEqual({
      hits: [
        {
          id: "p1",
          score: 0.93,
          document: { id: "p1", title: "联想笔记本电脑", price: 4999, created_at: "2026-01-01T00:00:00.000Z" },
          highlights: { title: ["联想<em>笔记本电脑</em>"] },
        },
      ],
      facets: {
        brand: {
          type: "value",
          values: [
            { value: "华为", count: 9 },
            { value: "联想", count: 5 },
          ],
        },
        tags: {
          type: "value",
          values: [
            { value: "办公", count: 3 },
            { value: "游戏", count: 2 },
            { value: "轻薄", count: 7 },
          ],
        },
        price: {
          type: "range",
          ranges: [
            { key: "*-100", to: 100, count: 0 },
            { key: "mid", from: 100, to: 500, count: 3 },
            { key: "500-*", from: 500, count: 11 },
          ],
        },
        stock: { type: "stats", min: 0, max: 42, count: 13 },
      },
      metadata: { skip: 20, take: 10, count: 14, query: "笔记本 电脑", processing_time_ms: 3 },
    })
  })

  it("maps match strategies, exact and absent counts, and sends no text parameters without q", async () => {
    fake.onSearch = (query) => (query.hitsPerPage === 0 ? { totalHits: 57 } : { estimatedTotalHits: 60 })

    const any = await provider.search(searchInput({ q: "联想 手机", search_options: { match_strategy: "any", count: "exact" } }))
    const last = await provider.search(searchInput({ q: "联想 手", search_options: { match_strategy: "last", count: "none" } }))
    const browse = await provider.search(searchInput({ pagination: { skip: 0, take: 5, order: { _score: "DESC", created_at: "DESC" } } }))

    const bodies = fake.bodiesOf("POST", "/multi-search").map((b) => b.queries)
    expect(bodies[0]).toEqual([
      {
        indexUid: PHYSICAL,
        q: "联想 手机",
        matchingStrategy: "frequency",
        locales: ["cmn"],
        offset: 0,
        limit: 20,
        attributesToRetrieve: ["id", "title"],
      },
      { indexUid: PHYSICAL, q: "联想 手机", matchingStrategy: "frequency", locales: ["cmn"], page: 1, hitsPerPage: 0 },
    ])
    expect(any.metadata.count).toBe(57)
    expect(bodies[1]).toHaveLength(1)
    expect(bodies[1][0].matchingStrategy).toBe("all")
    expect(last.metadata.count).toBeNull()
    expect(bodies[2]).toEqual([
      { indexUid: PHYSICAL, offset: 0, limit: 5, attributesToRetrieve: ["id", "title"], sort: ["created_at:desc"] },
    ])
    expect(browse.metadata).toEqual({ skip: 0, take: 5, count: 60, processing_time_ms: 1 })
  })

  it("packs several queries (and their companion counts) into one multi-search and splits the answers back", async () => {
    fake.createIndex("gwc_supplier_1", "id", [{ id: "s1", name: "华为" }])
    fake.onSearch = (query, position) => ({ estimatedTotalHits: 100 + position, totalHits: 200 + position })
    const supplier = productDefinition({
      name: "supplier",
      physical_name: "gwc_supplier_1",
      settings: {},
      fields: { id: { type: "keyword" }, name: { type: "text", searchable: true } },
    })

    const results = await provider.searchMany([
      searchInput({ q: "电脑", search_options: { count: "exact" } }),
      searchInput({ index: supplier, q: "华为", attributes_to_retrieve: ["id", "name"] }),
      searchInput({ filters: { tags: { $in: ["办公"] } }, pagination: { skip: 0, take: 0 }, search_options: { facets: ["tags"], count: "none" } }),
    ])

    expect(fake.calls()).toEqual(["POST /multi-search"])
    const [{ queries }] = fake.bodiesOf("POST", "/multi-search")
    expect(queries.map((q: Json) => [q.indexUid, q.q, q.hitsPerPage ?? q.limit])).toEqual([
      [PHYSICAL, "电脑", 20],
      [PHYSICAL, "电脑", 0],
      ["gwc_supplier_1", "华为", 20],
      [PHYSICAL, undefined, 0],
    ])
    expect(results.map((r) => r.metadata.count)).toEqual([201, 102, null])
    expect(results[1].hits).toEqual([{ id: "s1", document: { id: "s1", name: "华为" } }])
    expect(results[2].facets).toEqual({ tags: { type: "value", values: [] } })
    expect(queries[3]).toMatchObject({ filter: 'tags = "办公"', facets: ["tags"] })
    expect(await provider.searchMany([])).toEqual([])
  })

  it.each<[string, SearchTypes.SearchFilters, string]>([
    ["equality and membership", { brand: "联想", tags: ["办公", "轻薄"] }, 'brand = "联想" AND tags IN ["办公", "轻薄"]'],
    ["$ne and $nin", { brand: { $ne: "小米" }, tags: { $nin: ["游戏"] } }, 'brand != "小米" AND tags NOT IN ["游戏"]'],
    ["ranges on numbers", { price: { $gt: 10, $lte: 99.5 } }, "price > 10 AND price <= 99.5"],
    [
      "dates as epoch milliseconds",
      { created_at: { $gte: "2026-01-01T00:00:00.000Z", $lt: new Date("2026-02-01T00:00:00.000Z") } },
      `created_at >= ${Date.parse("2026-01-01T00:00:00.000Z")} AND created_at < ${Date.parse("2026-02-01T00:00:00.000Z")}`,
    ],
    ["booleans", { in_stock: { $eq: false } }, "in_stock = false"],
    ["$exists", { sku: { $exists: true }, stock: { $exists: false } }, "(sku EXISTS AND sku IS NOT NULL) AND (stock NOT EXISTS OR stock IS NULL)"],
    ["null", { sku: null, brand: { $ne: null } }, "(sku NOT EXISTS OR sku IS NULL) AND (brand EXISTS AND brand IS NOT NULL)"],
    ["$contains and $overlaps on arrays", { tags: { $contains: ["办公", "轻薄"] } }, '(tags = "办公" AND tags = "轻薄")'],
    ["$overlaps", { tags: { $overlaps: ["游戏", "办公"] } }, 'tags IN ["游戏", "办公"]'],
    [
      "$or / $and / $not",
      { $or: [{ brand: "联想" }, { $and: [{ brand: "华为" }, { price: { $lt: 100 } }] }], $not: { tags: "游戏" } },
      '(brand = "联想" OR (brand = "华为" AND price < 100)) AND NOT (tags = "游戏")',
    ],
    ["nested object shorthand", { variants: { color: "黑色" } }, 'variants.color = "黑色"'],
    ["dotted paths", { "variants.color": { $in: ["黑色", "白色"] } }, 'variants.color IN ["黑色", "白色"]'],
    ["quotes and backslashes are escaped", { sku: 'A"B\\C' }, 'sku = "A\\"B\\\\C"'],
    ["an empty $in matches nothing", { brand: { $in: [] } }, "(brand EXISTS AND brand NOT EXISTS)"],
  ])("compiles filters: %s", async (_name, filters, expected) => {
    await provider.search(searchInput({ filters }))
    const [{ queries }] = fake.bodiesOf("POST", "/multi-search")
    expect(queries[0].filter).toBe(expected)
  })

  it.each<[string, SearchTypes.SearchFilters, RegExp]>([
    ["$like", { title: { $like: "%电脑%" } }, /cannot express the filter operator "\$like"/],
    ["$prefix", { sku: { $prefix: "ABC" } }, /cannot express the filter operator "\$prefix"/],
    ["an operator outside the DSL", { brand: { $regex: "^联" } } as SearchTypes.SearchFilters, /does not support the filter operator "\$regex"/],
    ["$contains on a non-array field", { brand: { $contains: "联想" } }, /"\$contains" on "brand" needs an array field/],
    ["an unknown field", { colour: "red" }, /Unknown filter field "colour"/],
  ])("rejects %s with INVALID_DATA before calling Meilisearch", async (_name, filters, message) => {
    await expectMedusaError(provider.search(searchInput({ filters })), MedusaError.Types.INVALID_DATA, message)
    expect(fake.requests).toEqual([])
  })

  it("compiles $prefix and %text% $like when the experimental contains filter is enabled", async () => {
    const experimental = makeProvider({ experimental_contains_filter: true })
    await experimental.search(searchInput({ filters: { sku: { $prefix: "ABC" }, brand: { $like: "%联%" } } }))
    const [{ queries }] = fake.bodiesOf("POST", "/multi-search")
    expect(queries[0].filter).toBe('sku STARTS WITH "ABC" AND brand CONTAINS "联"')
    await expectMedusaError(
      experimental.search(searchInput({ filters: { brand: { $like: "联_" } } })),
      MedusaError.Types.INVALID_DATA,
      /"%text%" or "text%"/
    )
  })

  it("rejects what Meilisearch cannot do per query: vector search, cursors, relevance before other sort keys", async () => {
    await expectMedusaError(
      provider.search(searchInput({ search_options: { vector: { value: [1, 2, 3] } } })),
      MedusaError.Types.INVALID_DATA,
      /does not support vector search/
    )
    await expectMedusaError(
      provider.search(searchInput({ pagination: { cursor: "abc" } })),
      MedusaError.Types.INVALID_DATA,
      /cursor pagination is not supported/
    )
    await expectMedusaError(
      provider.search(searchInput({ q: "电脑", pagination: { order: { _score: "DESC", price: "ASC" } } })),
      MedusaError.Types.INVALID_DATA,
      /relevance \(_score\) as the last sort key/
    )
    await expectMedusaError(
      provider.search(searchInput({ q: "电脑", search_options: { typo_tolerance: false } })),
      MedusaError.Types.INVALID_DATA,
      /typo tolerance per index/
    )
    expect(fake.requests).toEqual([])
  })
})

describe("search-meilisearch: engine errors", () => {
  it("reports a Meilisearch that is down as unreachable, for every kind of call", async () => {
    const closed = http.createServer()
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    const down = new MeilisearchSearchProviderService({}, { host: `http://127.0.0.1:${port}`, api_key: "secret-key" })
    const unreachable = new RegExp(`^Meilisearch at http://127\\.0\\.0\\.1:${port} is unreachable: .*ECONNREFUSED`)

    for (const call of [
      () => down.search(searchInput({ q: "电脑" })),
      () => down.upsertIndex({ index: productDefinition() }),
      () => down.upsertDocuments({ index: PHYSICAL, definition: productDefinition(), documents: [{ id: "p1" }] }),
      () => down.listIndexes(),
      () => down.waitForTask({ id: "3", index: PHYSICAL, status: "enqueued" }),
    ]) {
      const error = await expectMedusaError(call(), MedusaError.Types.UNEXPECTED_STATE, unreachable)
      expect(error.message).not.toContain("secret-key")
    }
  })

  it("turns a 400 from Meilisearch into INVALID_DATA carrying its message", async () => {
    fake.createIndex(PHYSICAL)
    fake.rejectSearch = () => ({
      status: 400,
      error: {
        message: "Attribute `stock` is not sortable. Available sortable attributes are: `created_at, price`.",
        code: "invalid_search_sort",
      },
    })
    const error = await expectMedusaError(
      provider.search(searchInput({ q: "电脑" })),
      MedusaError.Types.INVALID_DATA,
      /^Meilisearch at http:\/\/127\.0\.0\.1:\d+ rejected the request \(while searching index "gwc_product_1"\): Attribute `stock` is not sortable.* \[invalid_search_sort\]$/
    )
    expect(error.status).toBe(400)
  })

  it("turns a missing index into NOT_FOUND, so the Search Module re-resolves the active version", async () => {
    await expectMedusaError(provider.search(searchInput()), MedusaError.Types.NOT_FOUND, /Index `gwc_product_1` not found/)
  })

  it("passes the 429 status and Retry-After on, for the Search Module's rate-limit retry", async () => {
    fake.createIndex(PHYSICAL)
    fake.rejectSearch = () => ({ status: 429, error: { message: "Too many requests", code: "too_many_search_requests" } })
    const error = await expectMedusaError(provider.search(searchInput()), MedusaError.Types.UNEXPECTED_STATE, /rate limiting/)
    expect(error.status).toBe(429)
  })
})
