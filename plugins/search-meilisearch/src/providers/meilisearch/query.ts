import type { SearchTypes } from "@medusajs/framework/types"
import { MedusaError, readDocumentPath } from "@medusajs/framework/utils"
import type { MultiSearchQuery, MultiSearchResult, RecordAny } from "meilisearch"
import { andFilters, compileFilters } from "./filters"
import { fromEngineDocument, type IndexPlan, type PlannedField } from "./plan"
import { DEFAULT_FACET_LIMIT } from "./types"

/**
 * Translation of one ProviderSearchQuery into Meilisearch multi-search queries, and of their
 * answers back into a SearchResult.
 *
 * Every query becomes a "main" Meilisearch query (hits, value facets, facet stats) plus, when
 * needed, companion queries that only count (`page: 1, hitsPerPage: 0` → exhaustive
 * `totalHits`):
 *   - one per range of a range facet: the query's filter AND `field >= from AND field < to`.
 *     Meilisearch has no range aggregation and its facetDistribution of a numeric field is
 *     capped at maxValuesPerFacet distinct values, so bucketing that locally would under-count;
 *     a filtered count is exact (up to the index's pagination.maxTotalHits);
 *   - one per stats facet, counting the documents that hold the field (facetStats has min/max
 *     but no count);
 *   - one for `count: "exact"` (estimatedTotalHits is an estimate).
 * All of them travel in the same `POST /multi-search` request as the main query.
 */

export const DEFAULT_HIGHLIGHT_PRE_TAG = "<mark>"
export const DEFAULT_HIGHLIGHT_POST_TAG = "</mark>"

export type QueryOptions = {
  /** Query-time locales when the caller names none and the index has localized fields. */
  locales: string[]
  contains_filter: boolean
}

type RangeBucket = { key: string; from?: number | string; to?: number | string }

type PlannedFacet =
  | { type: "value"; field: string; planned: PlannedField; limit: number; sort: "count" | "alpha"; query?: string }
  | { type: "range"; field: string; planned: PlannedField; ranges: RangeBucket[]; first: number }
  | { type: "stats"; field: string; planned: PlannedField; count: number }

export type CompiledSearch = {
  input: SearchTypes.ProviderSearchQuery
  plan: IndexPlan
  queries: MultiSearchQuery[]
  skip: number
  take: number
  /** Position of the exact-count query, if any. */
  exact_count?: number
  facets: PlannedFacet[]
  highlight?: { fields: string[]; pre: string }
}

function invalid(message: string): never {
  throw new MedusaError(MedusaError.Types.INVALID_DATA, message)
}

const MATCHING_STRATEGY: Record<SearchTypes.SearchMatchStrategy, "all" | "frequency"> = {
  // Meilisearch always treats the last query word as a prefix (the "last" = typeahead
  // behaviour), so "all" and "last" both map to its "all" strategy.
  all: "all",
  last: "all",
  // Keep the rarest terms longest: documents matching any term, best matches first.
  any: "frequency",
}

function toBound(value: number | string | undefined, planned: PlannedField, facet: string): number | undefined {
  if (value === undefined) {
    return undefined
  }
  if (typeof value === "number") {
    return value
  }
  const parsed = planned.date ? Date.parse(value) : Number(value)
  if (Number.isNaN(parsed)) {
    invalid(`Range facet "${facet}": "${value}" is not a ${planned.date ? "date" : "number"}`)
  }
  return parsed
}

function requireField(plan: IndexPlan, path: string, usage: string): PlannedField {
  const planned = plan.fields.get(path)
  if (!planned) {
    invalid(`Unknown field "${path}" used in ${usage} on search index "${plan.name}"`)
  }
  return planned
}

export function compileSearch(
  input: SearchTypes.ProviderSearchQuery,
  plan: IndexPlan,
  options: QueryOptions
): CompiledSearch {
  const so = input.search_options ?? {}
  const indexUid = input.index.physical_name
  const skip = input.pagination?.skip ?? 0
  const take = input.pagination?.take ?? 20
  const q = input.q?.trim() ? input.q : undefined

  if (so.vector) {
    invalid("The Meilisearch search provider does not support vector search (search_options.vector)")
  }
  if (input.pagination?.cursor !== undefined) {
    invalid("The Meilisearch search provider paginates with skip/take; cursor pagination is not supported")
  }
  if (q && so.typo_tolerance === false && (input.index.settings?.typo_tolerance?.enabled ?? true)) {
    invalid(
      `Meilisearch applies typo tolerance per index, not per query: search_options.typo_tolerance=false cannot be honoured on "${input.index.name}". Set settings.typo_tolerance.enabled=false on the index definition instead.`
    )
  }

  const filter = compileFilters(input.filters, {
    index: input.index.name,
    fields: plan.fields,
    contains_filter: options.contains_filter,
  })

  // Parameters every query of this search shares, so companion counts match the same documents.
  const shared: MultiSearchQuery = { indexUid }
  if (q !== undefined) {
    shared.q = q
    shared.matchingStrategy = MATCHING_STRATEGY[so.match_strategy ?? "all"]
    if (so.attributes_to_search_on) {
      shared.attributesToSearchOn = so.attributes_to_search_on
    }
    if (so.locales?.length) {
      shared.locales = so.locales
    } else if (plan.localized.length && options.locales.length) {
      shared.locales = options.locales
    }
  } else if (so.locales?.length) {
    shared.locales = so.locales
  }
  if (filter) {
    shared.filter = filter
  }
  if (so.distinct) {
    shared.distinct = so.distinct
  }
  if (so.min_score !== undefined) {
    shared.rankingScoreThreshold = so.min_score
  }

  const main: MultiSearchQuery = { ...shared, offset: skip, limit: take }

  const highlight = q ? resolveHighlight(so, plan) : undefined
  main.attributesToRetrieve = [
    ...new Set([plan.primary_key, ...input.attributes_to_retrieve, ...(highlight?.fields ?? [])]),
  ]

  const sort = buildSort(input, plan, !!q)
  if (sort.length) {
    main.sort = sort
  }
  if (so.include_score) {
    main.showRankingScore = true
  }
  if (highlight) {
    main.attributesToHighlight = highlight.fields
    main.highlightPreTag = highlight.pre
    main.highlightPostTag = highlight.post
    if (highlight.crop !== undefined) {
      main.attributesToCrop = highlight.fields
      if (highlight.crop !== true) {
        main.cropLength = highlight.crop
      }
    }
  }

  const queries: MultiSearchQuery[] = [main]
  const count = (extra?: string): number => {
    const query: MultiSearchQuery = { ...shared, page: 1, hitsPerPage: 0 }
    const combined = andFilters(shared.filter as string | undefined, extra)
    if (combined) {
      query.filter = combined
    } else {
      delete query.filter
    }
    queries.push(query)
    return queries.length - 1
  }

  const facets: PlannedFacet[] = []
  const facetParam: string[] = []
  for (const raw of so.facets ?? []) {
    const request: SearchTypes.SearchFacetRequest = typeof raw === "string" ? { field: raw, type: "value" } : raw
    const planned = requireField(plan, request.field, "search_options.facets")
    if (!plan.filterable.includes(request.field)) {
      invalid(`Field "${request.field}" is not facetable on search index "${plan.name}"`)
    }
    const field = request.field
    if (request.type === "range") {
      const ranges = request.ranges.map((range) => ({
        key: range.key ?? `${range.from ?? "*"}-${range.to ?? "*"}`,
        from: range.from,
        to: range.to,
      }))
      const first = queries.length
      for (const range of ranges) {
        const from = toBound(range.from, planned, field)
        const to = toBound(range.to, planned, field)
        const bounds = [
          from !== undefined ? `${field} >= ${from}` : undefined,
          to !== undefined ? `${field} < ${to}` : undefined,
        ].filter((part): part is string => !!part)
        count(bounds.length ? bounds.join(" AND ") : `(${field} EXISTS AND ${field} IS NOT NULL)`)
      }
      facets.push({ type: "range", field, planned, ranges, first })
      continue
    }
    if (!facetParam.includes(field)) {
      facetParam.push(field)
    }
    if (request.type === "stats") {
      if (!["integer", "float", "date"].includes(planned.field.type)) {
        invalid(`Stats facets need a numeric or date field; "${field}" is ${planned.field.type}`)
      }
      facets.push({
        type: "stats",
        field,
        planned,
        count: count(`(${field} EXISTS AND ${field} IS NOT NULL)`),
      })
      continue
    }
    facets.push({
      type: "value",
      field,
      planned,
      limit: request.limit ?? DEFAULT_FACET_LIMIT,
      sort: request.sort ?? "count",
      query: request.query,
    })
  }
  if (facetParam.length) {
    main.facets = facetParam
  }

  const exactCount = so.count === "exact" ? count() : undefined

  // Escape hatch for search parameters the interface does not model.
  const extra = so.provider_options?.meilisearch
  if (extra) {
    Object.assign(main, extra)
  }

  return {
    input,
    plan,
    queries,
    skip,
    take,
    exact_count: exactCount,
    facets,
    highlight: highlight ? { fields: highlight.fields, pre: highlight.pre } : undefined,
  }
}

function resolveHighlight(so: SearchTypes.SearchOptions, plan: IndexPlan) {
  const option = so.highlight
  if (!option) {
    return undefined
  }
  const fields = option === true ? so.attributes_to_search_on ?? plan.searchable : option.fields
  for (const path of fields) {
    requireField(plan, path, "search_options.highlight")
  }
  if (!fields.length) {
    return undefined
  }
  const settings: Partial<SearchTypes.SearchHighlightOptions> = option === true ? {} : option
  return {
    fields,
    pre: settings.pre_tag ?? DEFAULT_HIGHLIGHT_PRE_TAG,
    post: settings.post_tag ?? DEFAULT_HIGHLIGHT_POST_TAG,
    crop: settings.snippet ? (typeof settings.snippet === "object" ? settings.snippet.length : (true as const)) : undefined,
  }
}

/**
 * `pagination.order` → `sort`. The index ranks with `sort` first, so the listed fields are a
 * strict order and relevance breaks ties: `_score` (relevance) may therefore only come last.
 * Without a text query relevance is flat and `_score` is simply dropped.
 */
function buildSort(input: SearchTypes.ProviderSearchQuery, plan: IndexPlan, hasQuery: boolean): string[] {
  const entries = Object.entries(input.pagination?.order ?? {})
  const sort: string[] = []
  entries.forEach(([path, direction], position) => {
    const dir = String(direction).toLowerCase()
    if (dir !== "asc" && dir !== "desc") {
      invalid(`Invalid sort direction "${direction}" for "${path}"; use ASC or DESC`)
    }
    if (path === "_score") {
      if (dir === "asc") {
        invalid("Meilisearch cannot order by ascending relevance (_score: ASC)")
      }
      if (hasQuery && position < entries.length - 1) {
        invalid(
          "Meilisearch can only use relevance (_score) as the last sort key: it ranks by the listed fields first and relevance breaks their ties"
        )
      }
      return
    }
    const planned = requireField(plan, path, "pagination.order")
    if (!planned.field.sortable) {
      invalid(`Field "${path}" is not sortable on search index "${plan.name}"`)
    }
    sort.push(`${path}:${dir}`)
  })
  return sort
}

/** The exhaustive count of a companion (`hitsPerPage: 0`) query. */
function totalHits(result: MultiSearchResult<RecordAny> | undefined): number {
  return Number(result?.totalHits ?? result?.estimatedTotalHits ?? 0)
}

/** The main query's count: Meilisearch's estimate under offset/limit pagination. */
function estimatedHits(result: MultiSearchResult<RecordAny> | undefined): number {
  return Number(result?.estimatedTotalHits ?? result?.totalHits ?? 0)
}

function millisToIso(value: string): string {
  const ms = Number(value)
  return Number.isFinite(ms) ? new Date(ms).toISOString() : value
}

export function readSearch(compiled: CompiledSearch, results: MultiSearchResult<RecordAny>[]): SearchTypes.SearchResult {
  const { input, plan, facets, highlight } = compiled
  const main = results[0]
  const so = input.search_options ?? {}

  const hits = (main?.hits ?? []).map((hit) => {
    const result: SearchTypes.SearchHit = {
      id: String(hit[plan.primary_key]),
      document: fromEngineDocument(hit, input.attributes_to_retrieve, plan),
    }
    if (so.include_score && typeof hit._rankingScore === "number") {
      result.score = hit._rankingScore
    }
    if (highlight) {
      const highlights = readHighlights(hit._formatted as Record<string, unknown> | undefined, highlight)
      if (highlights) {
        result.highlights = highlights
      }
    }
    return result
  })

  let count: number | null
  if (so.count === "none") {
    count = null
  } else if (compiled.exact_count !== undefined) {
    count = totalHits(results[compiled.exact_count])
  } else {
    count = estimatedHits(main)
  }

  const facetResults: Record<string, SearchTypes.SearchFacetResult> = {}
  for (const facet of facets) {
    if (facet.type === "value") {
      const distribution = main?.facetDistribution?.[facet.field] ?? {}
      let values = Object.entries(distribution).map(([value, n]) => ({
        value: facet.planned.date ? millisToIso(value) : value,
        count: Number(n),
      }))
      if (facet.query) {
        const needle = facet.query.toLowerCase()
        values = values.filter((entry) => entry.value.toLowerCase().includes(needle))
      }
      values.sort((a, b) =>
        facet.sort === "alpha"
          ? compare(a.value, b.value)
          : b.count - a.count || compare(a.value, b.value)
      )
      facetResults[facet.field] = { type: "value", values: values.slice(0, facet.limit) }
    } else if (facet.type === "range") {
      facetResults[facet.field] = {
        type: "range",
        ranges: facet.ranges.map((range, i) => ({
          key: range.key,
          ...(range.from !== undefined ? { from: range.from } : {}),
          ...(range.to !== undefined ? { to: range.to } : {}),
          count: totalHits(results[facet.first + i]),
        })),
      }
    } else {
      const stats = main?.facetStats?.[facet.field]
      facetResults[facet.field] = {
        type: "stats",
        min: stats?.min ?? 0,
        max: stats?.max ?? 0,
        count: totalHits(results[facet.count]),
      }
    }
  }

  const result: SearchTypes.SearchResult = {
    hits,
    metadata: {
      skip: compiled.skip,
      take: compiled.take,
      count,
      ...(input.q !== undefined ? { query: input.q } : {}),
      ...(main?.processingTimeMs !== undefined ? { processing_time_ms: main.processingTimeMs } : {}),
    },
  }
  if (facets.length) {
    result.facets = facetResults
  }
  return result
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function readHighlights(
  formatted: Record<string, unknown> | undefined,
  highlight: { fields: string[]; pre: string }
): Record<string, string[]> | undefined {
  if (!formatted) {
    return undefined
  }
  const out: Record<string, string[]> = {}
  for (const path of highlight.fields) {
    const values = path in formatted ? [formatted[path]].flat() : readDocumentPath(formatted, path.split("."))
    const fragments = values.filter((v): v is string => typeof v === "string" && v.includes(highlight.pre))
    if (fragments.length) {
      out[path] = fragments
    }
  }
  return Object.keys(out).length ? out : undefined
}
