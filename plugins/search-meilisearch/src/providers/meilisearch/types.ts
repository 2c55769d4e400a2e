/**
 * Options of the Meilisearch search provider, as passed in `medusa-config.ts`.
 */
export type MeilisearchProviderOptions = {
  /** Where Meilisearch listens, e.g. `http://127.0.0.1:7700`. Required. */
  host: string
  /** A key allowed to manage indexes, documents, settings and tasks (the master key works). */
  api_key?: string
  /** Written to every index's `synonyms` setting, e.g. `{ "笔记本": ["笔记本电脑", "laptop"] }`. */
  synonyms?: Record<string, string[]>
  /** Documents per `POST /indexes/:uid/documents` request. @default 1000 */
  batch_size?: number
  /** How long `waitForTask` (and the waits inside `upsertIndex`) wait for a task. @default 120000 */
  task_timeout_ms?: number
  /** Timeout of a single HTTP request to Meilisearch. @default 30000 */
  request_timeout_ms?: number
  /**
   * Languages of the searchable text fields, written to `localizedAttributes` and sent with
   * every free-text query that does not name its own `search_options.locales`.
   * @default ["cmn"] (Mandarin Chinese, so Han text is segmented into words)
   */
  locales?: string[]
  /** Ceiling of the values Meilisearch counts per facet (`faceting.maxValuesPerFacet`). @default 100 */
  max_values_per_facet?: number
  /**
   * Compile `$prefix` to `STARTS WITH` and `$like: "%text%"` to `CONTAINS`. Both need the
   * experimental `containsFilter` feature enabled on the Meilisearch instance. @default false
   */
  experimental_contains_filter?: boolean
}

export const DEFAULT_BATCH_SIZE = 1000
export const DEFAULT_TASK_TIMEOUT_MS = 120_000
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000
export const DEFAULT_LOCALES = ["cmn"]
export const DEFAULT_MAX_VALUES_PER_FACET = 100
/** Values per value facet when the request names no `limit` (the shipped Postgres provider's default). */
export const DEFAULT_FACET_LIMIT = 10
