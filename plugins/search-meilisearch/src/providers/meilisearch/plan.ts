import type { SearchTypes } from "@medusajs/framework/types"
import { MedusaError, projectDocument, searchValueToNumber } from "@medusajs/framework/utils"
import type { Settings } from "meilisearch"

/** One leaf field of an index definition, by its dotted path. */
export type PlannedField = {
  path: string
  field: SearchTypes.SearchFieldDefinition
  /** The field, or an object field above it, holds an array. */
  array: boolean
  /** `date` fields are stored as epoch milliseconds so they compare, sort and facet as numbers. */
  date: boolean
}

/** What the provider needs to know about an index definition. */
export type IndexPlan = {
  name: string
  primary_key: string
  fields: Map<string, PlannedField>
  /** Searchable leaf paths, highest weight first. */
  searchable: string[]
  /** Searchable `text` leaf paths: these get the Chinese (or configured) tokenizer. */
  localized: string[]
  filterable: string[]
  sortable: string[]
  dates: string[]
}

function invalid(message: string): never {
  throw new MedusaError(MedusaError.Types.INVALID_DATA, message)
}

export function isSearchable(field: SearchTypes.SearchFieldDefinition): boolean {
  return field.searchable === true || (typeof field.searchable === "object" && field.searchable !== null)
}

export function isFacetable(field: SearchTypes.SearchFieldDefinition): boolean {
  return field.facetable === true || (typeof field.facetable === "object" && field.facetable !== null)
}

function weightOf(field: SearchTypes.SearchFieldDefinition): number {
  return typeof field.searchable === "object" && field.searchable?.weight !== undefined ? field.searchable.weight : 1
}

/**
 * Walks a definition into its leaf fields and checks that Meilisearch can hold every one of
 * them, so an impossible definition fails `upsertIndex` (at migration time) rather than
 * producing wrong results later.
 */
export function buildIndexPlan(definition: SearchTypes.ResolvedSearchIndexDefinition): IndexPlan {
  const fields = new Map<string, PlannedField>()
  const order: string[] = []

  const walk = (defs: Record<string, SearchTypes.SearchFieldDefinition>, prefix: string, inArray: boolean) => {
    for (const [name, field] of Object.entries(defs)) {
      const path = prefix ? `${prefix}.${name}` : name
      if (!/^[A-Za-z0-9_.-]+$/.test(name)) {
        invalid(
          `Search index "${definition.name}": field "${path}" has a name the Meilisearch filter syntax cannot address; use letters, digits, "_", "-" and "."`
        )
      }
      const array = inArray || field.array === true
      if (field.type === "object") {
        walk(field.fields ?? {}, path, array)
        continue
      }
      if (field.type === "vector") {
        invalid(
          `Search index "${definition.name}": vector field "${path}" is not supported by the Meilisearch provider (it configures no embedders); use the Postgres provider for vector search`
        )
      }
      if (field.type === "geo" && (field.filterable || field.sortable || isFacetable(field) || isSearchable(field))) {
        invalid(
          `Search index "${definition.name}": geo field "${path}" cannot be filtered, sorted or faceted by the Meilisearch provider`
        )
      }
      fields.set(path, { path, field, array, date: field.type === "date" })
      order.push(path)
    }
  }
  walk(definition.fields, "", false)

  if (!fields.has(definition.primary_key)) {
    invalid(`Search index "${definition.name}" must declare its primary key field "${definition.primary_key}"`)
  }

  const leaves = order.map((path) => fields.get(path)!)
  const searchableLeaves = leaves.filter((planned) => isSearchable(planned.field))
  // Meilisearch ranks earlier searchable attributes higher; a stable sort keeps declaration
  // order among fields of equal weight.
  const searchable = searchableLeaves
    .map((planned, index) => ({ planned, index }))
    .sort((a, b) => weightOf(b.planned.field) - weightOf(a.planned.field) || a.index - b.index)
    .map(({ planned }) => planned.path)

  return {
    name: definition.name,
    primary_key: definition.primary_key,
    fields,
    searchable,
    localized: searchable.filter((path) => fields.get(path)!.field.type === "text"),
    filterable: leaves.filter((planned) => planned.field.filterable || isFacetable(planned.field)).map((p) => p.path),
    sortable: leaves.filter((planned) => planned.field.sortable).map((p) => p.path),
    dates: leaves.filter((planned) => planned.date).map((p) => p.path),
  }
}

/**
 * Relevance rules with `sort` first, so an explicit `pagination.order` is a strict order
 * (ties broken by relevance) instead of a hint applied after the text-matching rules. With no
 * `sort` in a query the rule does nothing and ranking is pure relevance.
 */
export const RANKING_RULES = ["sort", "words", "typo", "proximity", "attribute", "exactness"]

export type SettingsOptions = {
  synonyms?: Record<string, string[]>
  locales: string[]
  max_values_per_facet: number
}

/** The complete Meilisearch settings for a definition; every managed setting is sent, so a re-run converges. */
export function buildSettings(
  definition: SearchTypes.ResolvedSearchIndexDefinition,
  plan: IndexPlan,
  options: SettingsOptions
): Settings {
  const typo = definition.settings?.typo_tolerance ?? {}
  const oneTypo = typo.min_word_size_for_one_typo ?? 5
  const twoTypos = typo.min_word_size_for_two_typos ?? 9
  if (oneTypo > twoTypos) {
    invalid(
      `Search index "${definition.name}": typo_tolerance.min_word_size_for_two_typos (${twoTypos}) cannot be lower than min_word_size_for_one_typo (${oneTypo})`
    )
  }
  for (const path of typo.disabled_on_attributes ?? []) {
    if (!plan.fields.has(path)) {
      invalid(`Search index "${definition.name}": typo_tolerance.disabled_on_attributes names unknown field "${path}"`)
    }
  }
  const distinct = definition.settings?.distinct_attribute
  if (distinct !== undefined && !plan.fields.has(distinct)) {
    invalid(`Search index "${definition.name}": distinct_attribute names unknown field "${distinct}"`)
  }

  const settings: Settings = {
    searchableAttributes: plan.searchable,
    filterableAttributes: plan.filterable,
    sortableAttributes: plan.sortable,
    displayedAttributes: ["*"],
    rankingRules: RANKING_RULES,
    distinctAttribute: distinct ?? null,
    typoTolerance: {
      enabled: typo.enabled ?? true,
      minWordSizeForTypos: { oneTypo, twoTypos },
      disableOnAttributes: typo.disabled_on_attributes ?? [],
    },
    faceting: {
      maxValuesPerFacet: options.max_values_per_facet,
      // The values kept under the ceiling are the most frequent ones.
      sortFacetValuesBy: { "*": "count" },
    },
    synonyms: options.synonyms ?? {},
    localizedAttributes: plan.localized.length
      ? [{ attributePatterns: plan.localized, locales: options.locales }]
      : null,
  }

  // Escape hatch for engine settings the definition does not model, e.g.
  // `settings.provider_options.meilisearch.pagination.maxTotalHits`.
  const extra = definition.settings?.provider_options?.meilisearch
  return extra ? { ...settings, ...(extra as Settings) } : settings
}

/* ------------------------------ documents ------------------------------ */

/** Applies `fn` to every value found at a dotted path, through arrays, in place. */
function mapPath(target: unknown, segments: string[], fn: (value: unknown) => unknown): void {
  if (target === null || typeof target !== "object") {
    return
  }
  if (Array.isArray(target)) {
    for (const entry of target) {
      mapPath(entry, segments, fn)
    }
    return
  }
  const record = target as Record<string, unknown>
  const [head, ...rest] = segments
  if (!(head in record)) {
    return
  }
  if (rest.length) {
    mapPath(record[head], rest, fn)
    return
  }
  const value = record[head]
  record[head] = Array.isArray(value) ? value.map(fn) : fn(value)
}

function dateToMillis(value: unknown): unknown {
  if (value === null || value === undefined) {
    return value
  }
  return searchValueToNumber(value, true) ?? null
}

function millisToIso(value: unknown): unknown {
  return typeof value === "number" && Number.isFinite(value) ? new Date(value).toISOString() : value
}

/**
 * The document as Meilisearch stores it: only the declared fields (in their nested shape, so
 * Meilisearch's own dotted-path flattening addresses them), the primary key as a string, and
 * dates as epoch milliseconds.
 */
export function toEngineDocument(document: SearchTypes.SearchDocument, plan: IndexPlan): Record<string, unknown> {
  const key = document[plan.primary_key]
  if (key === undefined || key === null || key === "") {
    invalid(`A document written to search index "${plan.name}" has no primary key "${plan.primary_key}"`)
  }
  const projected = projectDocument(document, [...plan.fields.keys()])
  projected[plan.primary_key] = String(key)
  for (const path of plan.dates) {
    mapPath(projected, path.split("."), dateToMillis)
  }
  return projected
}

/** A stored document back in the shape the caller indexed: requested paths only, dates as ISO strings. */
export function fromEngineDocument(
  hit: Record<string, unknown>,
  attributes: string[],
  plan: IndexPlan
): Record<string, unknown> {
  const document = projectDocument(hit, attributes)
  for (const path of plan.dates) {
    mapPath(document, path.split("."), millisToIso)
  }
  return document
}
