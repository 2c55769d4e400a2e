import { AbstractSearchProviderService, MedusaError } from "@medusajs/framework/utils"
import type { Logger, SearchTypes } from "@medusajs/framework/types"
import { FilterError, SearchEngine, type EngineQuery } from "../../lib/engine"
import { DEFAULT_SYNONYMS } from "../../lib/synonyms"

/**
 * Search provider "zh": the in-process Chinese engine (lib/engine) with PostgreSQL as the
 * store of record.
 *
 * Documents live in `gwc_search_document`, one row per document, each write stamped with a
 * number from one sequence. Every process keeps the engine in memory and, before a search,
 * reads the rows changed since the last number it saw (at most every `sync_interval_ms`), so
 * a server and a worker — or several servers — agree within that interval, and a restart
 * rebuilds the engine from the table. Writes made in this process apply at once.
 */
export interface ZhSearchOptions {
  /** Groups of interchangeable words; replaces the defaults when given. */
  synonyms?: string[][]
  /** How stale another process's writes may be before a search reads them (ms). */
  sync_interval_ms?: number
  /** An index engine unused this long is dropped from memory (reloaded on demand). */
  idle_engine_ms?: number
  /** How many change numbers behind the last one seen a sync looks for late commits. */
  sync_window?: number
}

type Manager = {
  execute: (sql: string, params?: unknown[]) => Promise<Record<string, any>[]>
  transactional?: <T>(run: (manager: Manager) => Promise<T>) => Promise<T>
}

interface Loaded {
  engine: SearchEngine
  lastSeq: number
  seqById: Map<string, number>
  syncedAt: number
  usedAt: number
  syncing?: Promise<void>
  /** Row count and sum of change numbers of the window at the last read: unchanged means nothing to read. */
  windowDigest?: string
}

// A reindex builds a new version beside the old one, which Medusa keeps for a while but no
// longer reads: an engine nobody used for this long leaves memory (it reloads from the table
// if it is asked again), so two 50,000-product engines do not share one heap.
const IDLE_ENGINE_MS = 10 * 60_000

const DOCUMENTS = "gwc_search_document"
const INDEXES = "gwc_search_index"
const SEQUENCE = "gwc_search_change_seq"
// Writes from concurrent transactions can commit out of sequence order; re-reading a window
// behind the last number seen catches the late ones (re-applying a row is harmless).
const SEQUENCE_WINDOW = 1000
const WRITE_CHUNK = 1000

export class ZhSearchProviderService extends AbstractSearchProviderService {
  static override identifier = "zh"

  private readonly manager: Manager
  private readonly logger: Logger
  private readonly synonyms: string[][]
  private readonly syncInterval: number
  private readonly idleEngineMs: number
  private readonly syncWindow: number
  private readonly loaded = new Map<string, Loaded>()
  private schemaReady?: Promise<void>

  constructor({ manager, logger }: { manager: Manager; logger: Logger }, options: ZhSearchOptions = {}) {
    super()
    if (!manager?.execute) {
      throw new MedusaError(MedusaError.Types.INVALID_ARGUMENT, 'Search provider "zh" needs the Search Module\'s database connection.')
    }
    this.manager = manager
    this.logger = logger
    this.synonyms = options.synonyms ?? DEFAULT_SYNONYMS
    this.syncInterval = options.sync_interval_ms ?? 200
    this.idleEngineMs = options.idle_engine_ms ?? IDLE_ENGINE_MS
    this.syncWindow = options.sync_window ?? SEQUENCE_WINDOW
  }

  private ensureSchema(): Promise<void> {
    this.schemaReady ??= (async () => {
      await this.manager.execute(`CREATE SEQUENCE IF NOT EXISTS ${SEQUENCE}`)
      await this.manager.execute(
        `CREATE TABLE IF NOT EXISTS ${INDEXES} (name text PRIMARY KEY, definition jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now())`
      )
      await this.manager.execute(
        `CREATE TABLE IF NOT EXISTS ${DOCUMENTS} (index_name text NOT NULL, id text NOT NULL, document jsonb, deleted boolean NOT NULL DEFAULT false, seq bigint NOT NULL DEFAULT nextval('${SEQUENCE}'), PRIMARY KEY (index_name, id))`
      )
      await this.manager.execute(`CREATE INDEX IF NOT EXISTS ${DOCUMENTS}_seq_idx ON ${DOCUMENTS} (index_name, seq)`)
    })().catch((error) => {
      this.schemaReady = undefined
      throw error
    })
    return this.schemaReady
  }

  private newEngine(definition: SearchTypes.SearchIndexDefinition): SearchEngine {
    const searchable = Object.entries(definition.fields)
      .filter(([, field]) => field.searchable)
      .map(([path, field]) => ({ path, weight: typeof field.searchable === "object" ? field.searchable.weight ?? 1 : 1 }))
    if (!searchable.length) searchable.push({ path: definition.primary_key ?? "id", weight: 1 })
    return new SearchEngine({ searchable, synonyms: this.synonyms })
  }

  /** The engine of an index, loaded on first use and brought up to date with other processes. */
  private async engineFor(name: string, definition: SearchTypes.SearchIndexDefinition, force = false): Promise<SearchEngine> {
    await this.ensureSchema()
    let state = this.loaded.get(name)
    if (!state) {
      state = { engine: this.newEngine(definition), lastSeq: 0, seqById: new Map(), syncedAt: 0, usedAt: 0 }
      this.loaded.set(name, state)
    }
    const now = Date.now()
    state.usedAt = now
    for (const [other, loaded] of this.loaded) {
      if (other !== name && !loaded.syncing && now - loaded.usedAt > this.idleEngineMs) this.loaded.delete(other)
    }
    if (force || Date.now() - state.syncedAt >= this.syncInterval) {
      const current = state
      current.syncing ??= this.sync(name, current).finally(() => {
        current.syncing = undefined
      })
      await current.syncing
    }
    return state.engine
  }

  private async sync(name: string, state: Loaded) {
    if (state.lastSeq === 0) {
      this.apply(state, await this.manager.execute(`SELECT id, document, deleted, seq FROM ${DOCUMENTS} WHERE index_name = ? AND NOT deleted ORDER BY seq`, [name]))
    } else {
      // The window is checked on every sync (each search at most every syncInterval). Every write
      // gives its row a new, higher change number, so the window's row count and sum of numbers
      // change with any write that lands in it, late commits included: only then are its numbers
      // read, and the documents of just the rows not applied yet.
      const from = Math.max(0, state.lastSeq - this.syncWindow)
      const [digest] = (await this.manager.execute(
        `SELECT count(*)::text AS rows, coalesce(sum(seq), 0)::text AS total FROM ${DOCUMENTS} WHERE index_name = ? AND seq > ?`,
        [name, from]
      )) as { rows: string; total: string }[]
      const windowDigest = `${from}:${digest.rows}:${digest.total}`
      if (windowDigest === state.windowDigest) {
        state.syncedAt = Date.now()
        return
      }
      const changes = (await this.manager.execute(`SELECT id, deleted, seq FROM ${DOCUMENTS} WHERE index_name = ? AND seq > ? ORDER BY seq`, [
        name,
        from,
      ])) as { id: string; deleted: boolean; seq: string }[]

      const fresh = changes.filter((row) => (state.seqById.get(row.id) ?? 0) < Number(row.seq))
      const wanted = fresh.filter((row) => !row.deleted).map((row) => row.id)
      const documents = wanted.length
        ? await this.manager.execute(
            `SELECT id, document, deleted, seq FROM ${DOCUMENTS} WHERE index_name = ? AND id IN (SELECT jsonb_array_elements_text(?::jsonb)) ORDER BY seq`,
            [name, JSON.stringify(wanted)]
          )
        : []
      this.apply(state, [...fresh.filter((row) => row.deleted), ...documents].sort((a, b) => Number(a.seq) - Number(b.seq)))
      // The digest of the window as read, for the window the next sync asks about (it moves up
      // with lastSeq): a write after the read, late commits included, changes it.
      const nextFrom = Math.max(0, state.lastSeq - this.syncWindow)
      const kept = changes.filter((row) => Number(row.seq) > nextFrom)
      const total = kept.reduce((sum, row) => sum + BigInt(row.seq), BigInt(0))
      state.windowDigest = `${nextFrom}:${kept.length}:${total}`
    }
    state.syncedAt = Date.now()
  }

  private apply(state: Loaded, rows: Record<string, any>[]) {
    const upserts: Record<string, unknown>[] = []
    const deletes: string[] = []
    for (const row of rows) {
      const seq = Number(row.seq)
      if ((state.seqById.get(row.id) ?? 0) >= seq) continue
      state.seqById.set(row.id, seq)
      state.lastSeq = Math.max(state.lastSeq, seq)
      if (row.deleted) deletes.push(row.id)
      else upserts.push(typeof row.document === "string" ? JSON.parse(row.document) : row.document)
    }
    if (deletes.length) state.engine.remove(deletes)
    if (upserts.length) state.engine.upsert(upserts as { id: string }[])
  }

  override async upsertIndex({ index }: { index: SearchTypes.ResolvedSearchIndexDefinition }): Promise<SearchTypes.SearchTask> {
    await this.ensureSchema()
    const definition = { fields: index.fields, primary_key: index.primary_key }
    await this.manager.execute(
      `INSERT INTO ${INDEXES} (name, definition) VALUES (?, ?::jsonb) ON CONFLICT (name) DO UPDATE SET definition = EXCLUDED.definition, updated_at = now()`,
      [index.physical_name, JSON.stringify(definition)]
    )
    // Searchable fields or weights may have changed: rebuild from the table on next use.
    this.loaded.delete(index.physical_name)
    return { index: index.physical_name, status: "succeeded" }
  }

  override async deleteIndex({ index }: { index: string }): Promise<SearchTypes.SearchTask> {
    await this.ensureSchema()
    await this.manager.execute(`DELETE FROM ${DOCUMENTS} WHERE index_name = ?`, [index])
    await this.manager.execute(`DELETE FROM ${INDEXES} WHERE name = ?`, [index])
    this.loaded.delete(index)
    return { index, status: "succeeded" }
  }

  override async listIndexes(): Promise<SearchTypes.SearchIndexInfo[]> {
    await this.ensureSchema()
    const rows = await this.manager.execute(
      `SELECT i.name, i.created_at, i.updated_at, (SELECT count(*) FROM ${DOCUMENTS} d WHERE d.index_name = i.name AND NOT d.deleted) AS document_count FROM ${INDEXES} i ORDER BY i.name`
    )
    return rows.map((row) => ({
      name: row.name,
      provider: ZhSearchProviderService.identifier,
      document_count: Number(row.document_count),
      created_at: new Date(row.created_at),
      updated_at: new Date(row.updated_at),
    }))
  }

  override async upsertDocuments({
    index,
    definition,
    documents,
  }: {
    index: string
    definition: SearchTypes.ResolvedSearchIndexDefinition
    documents: SearchTypes.SearchDocument[]
  }): Promise<SearchTypes.SearchTask> {
    const engine = await this.engineFor(index, definition)
    const state = this.loaded.get(index) as Loaded
    for (let i = 0; i < documents.length; i += WRITE_CHUNK) {
      const chunk = documents.slice(i, i + WRITE_CHUNK).map((doc) => ({ ...doc, id: String(doc[definition.primary_key] ?? doc.id) }))
      const rows = await this.manager.execute(
        `INSERT INTO ${DOCUMENTS} (index_name, id, document, deleted)
         SELECT ?, d->>'id', d, false FROM jsonb_array_elements(?::jsonb) AS d
         ON CONFLICT (index_name, id) DO UPDATE SET document = EXCLUDED.document, deleted = false, seq = nextval('${SEQUENCE}')
         RETURNING id, seq`,
        [index, JSON.stringify(chunk)]
      )
      const seqs = new Map(rows.map((row) => [row.id as string, Number(row.seq)]))
      for (const doc of chunk) {
        const seq = seqs.get(doc.id) ?? 0
        state.seqById.set(doc.id, seq)
        state.lastSeq = Math.max(state.lastSeq, seq)
      }
      engine.upsert(chunk)
    }
    return { index, status: "succeeded" }
  }

  override async deleteDocuments({ index, filters }: SearchTypes.SearchDeleteDocumentsInput): Promise<SearchTypes.SearchTask> {
    await this.ensureSchema()
    const [definitionRow] = await this.manager.execute(`SELECT definition FROM ${INDEXES} WHERE name = ?`, [index])
    const primaryKey: string = definitionRow?.definition?.primary_key ?? "id"
    const keys = Object.keys(filters)
    let ids: string[]
    if (keys.length === 1 && keys[0] === primaryKey && !isOperatorObject(filters[primaryKey])) {
      const value = filters[primaryKey]
      ids = (Array.isArray(value) ? value : [value]).map(String)
    } else {
      if (!definitionRow) return { index, status: "succeeded" }
      const engine = await this.engineFor(index, { ...definitionRow.definition, name: index, entity: index, seed: async function* () {} }, true)
      ids = this.withFilterErrors(() => engine.select(filters as Record<string, unknown>))
    }
    if (!ids.length) return { index, status: "succeeded" }
    const rows = await this.manager.execute(
      `UPDATE ${DOCUMENTS} SET deleted = true, document = NULL, seq = nextval('${SEQUENCE}')
       WHERE index_name = ? AND id IN (SELECT jsonb_array_elements_text(?::jsonb)) RETURNING id, seq`,
      [index, JSON.stringify(ids)]
    )
    const state = this.loaded.get(index)
    if (state) {
      for (const row of rows) state.seqById.set(row.id, Number(row.seq))
      state.engine.remove(ids)
    }
    return { index, status: "succeeded" }
  }

  override async clearIndex({ index }: { index: string }): Promise<SearchTypes.SearchTask> {
    await this.ensureSchema()
    await this.manager.execute(
      `UPDATE ${DOCUMENTS} SET deleted = true, document = NULL, seq = nextval('${SEQUENCE}') WHERE index_name = ? AND NOT deleted`,
      [index]
    )
    // Forget the engine; the next use reloads the (now empty) index from the table.
    this.loaded.delete(index)
    return { index, status: "succeeded" }
  }

  override async search(input: SearchTypes.ProviderSearchQuery): Promise<SearchTypes.SearchResult> {
    const [result] = await this.searchMany([input])
    return result
  }

  override async searchMany(inputs: SearchTypes.ProviderSearchQuery[]): Promise<SearchTypes.SearchResult[]> {
    // The facet queries of one disjunctive search share `q`: match the text once.
    const caches = new Map<string, Map<string, any>>()
    const results: SearchTypes.SearchResult[] = []
    for (const input of inputs) {
      const name = input.index.physical_name
      const engine = await this.engineFor(name, input.index)
      if (!caches.has(name)) caches.set(name, new Map())
      const options = input.search_options ?? {}
      if (options.vector) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, 'Search provider "zh" does not do vector search.')
      }
      const query: EngineQuery = {
        q: input.q,
        filters: input.filters as Record<string, unknown> | undefined,
        skip: input.pagination?.skip ?? 0,
        take: input.pagination?.take ?? 20,
        order: input.pagination?.order,
        match_strategy: options.match_strategy,
        facets: options.facets as EngineQuery["facets"],
        attributes_to_retrieve: input.attributes_to_retrieve,
        include_score: options.include_score,
        highlight: options.highlight,
        min_score: options.min_score,
      }
      const result = this.withFilterErrors(() => engine.search(query, caches.get(name)))
      results.push({
        hits: result.hits,
        ...(result.facets ? { facets: result.facets } : {}),
        metadata: {
          skip: query.skip as number,
          take: query.take as number,
          count: options.count === "none" ? null : result.count,
          ...(input.q ? { query: input.q } : {}),
          processing_time_ms: Math.round(result.processing_time_ms * 100) / 100,
        },
      })
    }
    return results
  }

  private withFilterErrors<T>(run: () => T): T {
    try {
      return run()
    } catch (error) {
      if (error instanceof FilterError) throw new MedusaError(MedusaError.Types.INVALID_DATA, error.message)
      throw error
    }
  }
}

function isOperatorObject(value: unknown): boolean {
  return !!value && typeof value === "object" && !Array.isArray(value)
}
