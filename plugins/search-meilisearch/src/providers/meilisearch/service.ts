import type { Logger, SearchTypes } from "@medusajs/framework/types"
import { AbstractSearchProviderService, extractPrimaryKeyFilter, MedusaError } from "@medusajs/framework/utils"
import { Meilisearch, type EnqueuedTask, type EnqueuedTaskPromise, type Task } from "meilisearch"
import { toMedusaError } from "./errors"
import { compileFilters } from "./filters"
import { buildIndexPlan, buildSettings, toEngineDocument, type IndexPlan } from "./plan"
import { compileSearch, readSearch } from "./query"
import {
  DEFAULT_BATCH_SIZE,
  DEFAULT_LOCALES,
  DEFAULT_MAX_VALUES_PER_FACET,
  DEFAULT_REQUEST_TIMEOUT_MS,
  DEFAULT_TASK_TIMEOUT_MS,
  type MeilisearchProviderOptions,
} from "./types"

type InjectedDependencies = {
  logger?: Logger
}

/** Several Meilisearch tasks (one per batch) travel as one SearchTask id: "12,13,14". */
function encodeTaskIds(uids: number[]): string {
  return uids.join(",")
}

function decodeTaskIds(id: string | undefined): number[] {
  const uids = (id ?? "").split(",").map((part) => Number(part.trim()))
  if (!id || uids.some((uid) => !Number.isInteger(uid) || uid < 0)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `"${id}" is not a Meilisearch task id`)
  }
  return uids
}

function positiveInteger(value: unknown, name: string, fallback: number): number {
  if (value === undefined || value === null) {
    return fallback
  }
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `The Meilisearch search provider option "${name}" must be a positive integer, got ${JSON.stringify(value)}`
    )
  }
  return n
}

/**
 * Meilisearch engine behind Medusa's Search Module.
 *
 * Writes are asynchronous in Meilisearch (a write returns a task), so this provider returns
 * `enqueued` tasks from `upsertDocuments` / `deleteDocuments` and implements `waitForTask`;
 * index creation and settings are waited for inside `upsertIndex`.
 */
export class MeilisearchSearchProviderService extends AbstractSearchProviderService {
  static override identifier = "meilisearch"

  protected readonly logger_?: Logger
  protected readonly client_: Meilisearch
  protected readonly host_: string
  protected readonly batchSize_: number
  protected readonly taskTimeoutMs_: number
  protected readonly options_: MeilisearchProviderOptions
  /** Plans of the indexes this process has seen, keyed by physical name (for deletes, which carry no definition). */
  protected readonly plans_ = new Map<string, IndexPlan>()
  /** Primary keys read back from Meilisearch for indexes without a known plan. */
  protected readonly primaryKeys_ = new Map<string, string>()

  constructor({ logger }: InjectedDependencies = {}, options: MeilisearchProviderOptions) {
    super()
    const host = typeof options?.host === "string" ? options.host.trim() : ""
    if (!host) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        'The Meilisearch search provider needs the "host" option (e.g. MEILISEARCH_HOST=http://127.0.0.1:7700)'
      )
    }
    this.logger_ = logger
    this.options_ = options
    this.host_ = host
    this.batchSize_ = positiveInteger(options.batch_size, "batch_size", DEFAULT_BATCH_SIZE)
    this.taskTimeoutMs_ = positiveInteger(options.task_timeout_ms, "task_timeout_ms", DEFAULT_TASK_TIMEOUT_MS)
    const requestTimeout = positiveInteger(options.request_timeout_ms, "request_timeout_ms", DEFAULT_REQUEST_TIMEOUT_MS)
    try {
      this.client_ = new Meilisearch({
        host,
        apiKey: options.api_key || undefined,
        timeout: requestTimeout,
        clientAgents: ["gongwucang-search-meilisearch"],
        defaultWaitOptions: { timeout: this.taskTimeoutMs_ },
      })
    } catch (error) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `The Meilisearch search provider option "host" (${host}) is not a valid URL: ${(error as Error).message}`
      )
    }
  }

  /* ----------------------------------------------------------------- helpers */

  /** Runs a client call and turns any failure into a MedusaError naming this Meilisearch. */
  protected async call<T>(action: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run()
    } catch (error) {
      throw toMedusaError(error, this.host_, action)
    }
  }

  protected async enqueue(action: string, run: () => EnqueuedTaskPromise): Promise<EnqueuedTask> {
    return await this.call(action, () => run())
  }

  protected async waitFor(uid: number, action: string, timeoutMs = this.taskTimeoutMs_): Promise<Task> {
    return await this.call(action, () => this.client_.tasks.waitForTask(uid, { timeout: timeoutMs }))
  }

  /** Waits for a task and throws when it did not succeed. */
  protected async settle(enqueued: EnqueuedTask, index: string, what: string): Promise<Task> {
    const task = await this.waitFor(enqueued.taskUid, `waiting for Meilisearch to ${what} on index "${index}"`)
    if (task.status !== "succeeded") {
      throw new MedusaError(
        MedusaError.Types.UNEXPECTED_STATE,
        `Meilisearch could not ${what} on index "${index}" (task ${task.uid} ${task.status}): ${describeTaskError(task)}`
      )
    }
    return task
  }

  protected rememberPlan(index: string, plan: IndexPlan) {
    this.plans_.set(index, plan)
    this.primaryKeys_.set(index, plan.primary_key)
  }

  protected async primaryKeyOf(index: string): Promise<string> {
    const known = this.primaryKeys_.get(index)
    if (known) {
      return known
    }
    const info = await this.call(`reading index "${index}"`, () => this.client_.getRawIndex(index))
    const primaryKey = info.primaryKey ?? "id"
    this.primaryKeys_.set(index, primaryKey)
    return primaryKey
  }

  /* ------------------------------------------------------------------ indexes */

  override async upsertIndex({
    index,
  }: {
    index: SearchTypes.ResolvedSearchIndexDefinition
  }): Promise<SearchTypes.SearchTask> {
    const uid = index.physical_name
    const plan = buildIndexPlan(index)
    const settings = buildSettings(index, plan, {
      synonyms: this.options_.synonyms,
      locales: this.options_.locales?.length ? this.options_.locales : DEFAULT_LOCALES,
      max_values_per_facet: positiveInteger(
        this.options_.max_values_per_facet,
        "max_values_per_facet",
        DEFAULT_MAX_VALUES_PER_FACET
      ),
    })

    const existing = await this.call(`reading index "${uid}"`, async () => {
      try {
        return await this.client_.getRawIndex(uid)
      } catch (error) {
        if ((error as { cause?: { code?: string } })?.cause?.code === "index_not_found") {
          return null
        }
        throw error
      }
    })

    if (existing && existing.primaryKey && existing.primaryKey !== index.primary_key) {
      // Meilisearch cannot change the primary key of an index holding documents; the module
      // only points upsertIndex at an index it is about to seed, so recreating it is safe.
      this.logger_?.warn(
        `[search-meilisearch] Index "${uid}" has primary key "${existing.primaryKey}", the definition wants "${index.primary_key}": recreating it`
      )
      const deletion = await this.enqueue(`deleting index "${uid}"`, () => this.client_.deleteIndex(uid))
      await this.settle(deletion, uid, "delete the index")
    }
    if (!existing || (existing.primaryKey && existing.primaryKey !== index.primary_key)) {
      const creation = await this.enqueue(`creating index "${uid}"`, () =>
        this.client_.createIndex(uid, { primaryKey: index.primary_key })
      )
      const task = await this.waitFor(creation.taskUid, `creating index "${uid}"`)
      // Another process may have created it in between; that is the state we want.
      if (task.status !== "succeeded" && task.error?.code !== "index_already_exists") {
        throw new MedusaError(
          MedusaError.Types.UNEXPECTED_STATE,
          `Meilisearch could not create index "${uid}" (task ${task.uid} ${task.status}): ${describeTaskError(task)}`
        )
      }
    } else if (!existing.primaryKey) {
      const update = await this.enqueue(`setting the primary key of index "${uid}"`, () =>
        this.client_.updateIndex(uid, { primaryKey: index.primary_key })
      )
      await this.settle(update, uid, "set the primary key")
    }

    const update = await this.enqueue(`updating the settings of index "${uid}"`, () =>
      this.client_.index(uid).updateSettings(settings)
    )
    await this.settle(update, uid, "apply the index settings")

    this.rememberPlan(uid, plan)
    return { id: String(update.taskUid), index: uid, status: "succeeded" }
  }

  override async deleteIndex({ index }: { index: string }): Promise<SearchTypes.SearchTask> {
    const enqueued = await this.enqueue(`deleting index "${index}"`, () => this.client_.deleteIndex(index))
    const task = await this.waitFor(enqueued.taskUid, `deleting index "${index}"`)
    if (task.status !== "succeeded" && task.error?.code !== "index_not_found") {
      throw new MedusaError(
        MedusaError.Types.UNEXPECTED_STATE,
        `Meilisearch could not delete index "${index}" (task ${task.uid} ${task.status}): ${describeTaskError(task)}`
      )
    }
    this.plans_.delete(index)
    this.primaryKeys_.delete(index)
    return { id: String(enqueued.taskUid), index, status: "succeeded" }
  }

  override async listIndexes(): Promise<SearchTypes.SearchIndexInfo[]> {
    const indexes = await this.call("listing indexes", async () => {
      const all = []
      const limit = 1000
      for (let offset = 0; ; offset += limit) {
        const page = await this.client_.getRawIndexes({ offset, limit })
        all.push(...page.results)
        if (page.results.length < limit || all.length >= page.total) {
          return all
        }
      }
    })
    // One GET /stats holds the document count of every index.
    const stats = await this.call("reading index statistics", () => this.client_.getStats())
    return indexes.map((index) => ({
      name: index.uid,
      provider: MeilisearchSearchProviderService.identifier,
      document_count: stats.indexes?.[index.uid]?.numberOfDocuments ?? 0,
      created_at: index.createdAt ? new Date(index.createdAt) : undefined,
      updated_at: index.updatedAt ? new Date(index.updatedAt) : undefined,
    }))
  }

  /* ---------------------------------------------------------------- documents */

  override async upsertDocuments({
    index,
    definition,
    documents,
  }: {
    index: string
    definition: SearchTypes.ResolvedSearchIndexDefinition
    documents: SearchTypes.SearchDocument[]
  }): Promise<SearchTypes.SearchTask> {
    if (!documents.length) {
      return { index, status: "succeeded" }
    }
    const plan = buildIndexPlan(definition)
    this.rememberPlan(index, plan)
    const rows = documents.map((document) => toEngineDocument(document, plan))

    const uids: number[] = []
    for (let start = 0; start < rows.length; start += this.batchSize_) {
      const batch = rows.slice(start, start + this.batchSize_)
      const enqueued = await this.enqueue(
        `writing ${batch.length} document(s) to index "${index}"`,
        () => this.client_.index(index).addDocuments(batch, { primaryKey: plan.primary_key })
      )
      uids.push(enqueued.taskUid)
    }
    return { id: encodeTaskIds(uids), index, status: "enqueued" }
  }

  override async deleteDocuments({
    index,
    filters,
  }: SearchTypes.SearchDeleteDocumentsInput): Promise<SearchTypes.SearchTask> {
    if (!filters || !Object.keys(filters).length) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Deleting documents from index "${index}" needs filters; use clearIndex to empty it`
      )
    }
    const primaryKey = await this.primaryKeyOf(index)
    const ids = extractPrimaryKeyFilter(filters, { primary_key: primaryKey })
    if (ids) {
      if (!ids.length) {
        return { index, status: "succeeded" }
      }
      const enqueued = await this.enqueue(`deleting ${ids.length} document(s) from index "${index}"`, () =>
        this.client_.index(index).deleteDocuments(ids)
      )
      return { id: String(enqueued.taskUid), index, status: "enqueued" }
    }
    const filter = compileFilters(filters, {
      index,
      fields: this.plans_.get(index)?.fields,
      contains_filter: !!this.options_.experimental_contains_filter,
    })
    if (!filter) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `The filters for deleting from index "${index}" select nothing to delete`)
    }
    const enqueued = await this.enqueue(`deleting documents matching ${filter} from index "${index}"`, () =>
      this.client_.index(index).deleteDocuments({ filter })
    )
    return { id: String(enqueued.taskUid), index, status: "enqueued" }
  }

  override async clearIndex({ index }: { index: string }): Promise<SearchTypes.SearchTask> {
    const enqueued = await this.enqueue(`clearing index "${index}"`, () => this.client_.index(index).deleteAllDocuments())
    const task = await this.waitFor(enqueued.taskUid, `clearing index "${index}"`)
    // An index that does not exist is as empty as it gets.
    if (task.status !== "succeeded" && task.error?.code !== "index_not_found") {
      throw new MedusaError(
        MedusaError.Types.UNEXPECTED_STATE,
        `Meilisearch could not clear index "${index}" (task ${task.uid} ${task.status}): ${describeTaskError(task)}`
      )
    }
    return { id: String(enqueued.taskUid), index, status: "succeeded" }
  }

  /**
   * Waits for every Meilisearch task behind a SearchTask. A task that failed (or was
   * canceled) comes back as `status: "failed"` with Meilisearch's message, which the Search
   * Module turns into an error naming the index; a task still running after the timeout
   * throws.
   */
  async waitForTask(
    task: SearchTypes.SearchTask,
    options?: { timeout_ms?: number }
  ): Promise<SearchTypes.SearchTask> {
    if (task.status === "succeeded" || task.status === "failed") {
      return task
    }
    const uids = decodeTaskIds(task.id)
    const timeout = options?.timeout_ms ?? this.taskTimeoutMs_
    for (const uid of uids) {
      const done = await this.waitFor(uid, `waiting for task ${uid} on index "${task.index ?? "?"}"`, timeout)
      if (done.status !== "succeeded") {
        const index = task.index ?? done.indexUid ?? "?"
        return {
          ...task,
          status: "failed",
          error: {
            message: `Meilisearch task ${done.uid} (${done.type}) on index "${index}" ${done.status}: ${describeTaskError(done)}`,
            code: done.error?.code,
          },
        }
      }
    }
    return { ...task, status: "succeeded" }
  }

  /* ------------------------------------------------------------------- search */

  override async search(input: SearchTypes.ProviderSearchQuery): Promise<SearchTypes.SearchResult> {
    const [result] = await this.searchMany([input])
    return result
  }

  /** Every query (and its companion count queries) in one `POST /multi-search`. */
  override async searchMany(inputs: SearchTypes.ProviderSearchQuery[]): Promise<SearchTypes.SearchResult[]> {
    if (!inputs.length) {
      return []
    }
    const locales = this.options_.locales?.length ? this.options_.locales : DEFAULT_LOCALES
    const compiled = inputs.map((input) => {
      const plan = buildIndexPlan(input.index)
      return compileSearch(input, plan, {
        locales,
        contains_filter: !!this.options_.experimental_contains_filter,
      })
    })
    const queries = compiled.flatMap((c) => c.queries)
    const names = [...new Set(inputs.map((input) => `"${input.index.physical_name}"`))].join(", ")
    const response = await this.call(`searching index ${names}`, () => this.client_.multiSearch({ queries }))

    let offset = 0
    return compiled.map((c) => {
      const results = response.results.slice(offset, offset + c.queries.length)
      offset += c.queries.length
      return readSearch(c, results)
    })
  }
}

function describeTaskError(task: Task): string {
  if (task.error) {
    return `${task.error.message}${task.error.code ? ` [${task.error.code}]` : ""}`
  }
  return task.status === "canceled" ? "the task was canceled" : "no error reported"
}

export default MeilisearchSearchProviderService
