import type { SearchTypes } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { PlannedField } from "./plan"

/**
 * Compiles the Search Module's filter tree (SearchFilters) to a Meilisearch filter expression.
 *
 *   field: value / [values]      → field = v / field IN [..]  (membership on array fields)
 *   $eq $ne $in $nin             → = != IN NOT IN
 *   $lt $lte $gt $gte            → < <= > >=  (numbers, dates as epoch ms, strings lexicographic)
 *   $exists, null                → EXISTS / IS NULL combinations
 *   $contains / $overlaps        → AND of = / IN  (array fields)
 *   $and $or $not                → AND OR NOT with parentheses
 *   $prefix, $like               → rejected (Meilisearch has no substring filter), unless the
 *                                  experimental `containsFilter` is enabled: STARTS WITH / CONTAINS
 *
 * Anything else is rejected with INVALID_DATA rather than approximated.
 */
export type FilterContext = {
  /** Named in error messages. */
  index: string
  /** Leaf fields of the definition when known (search); unknown on a bare delete. */
  fields?: Map<string, PlannedField>
  contains_filter?: boolean
}

type Scalar = SearchTypes.SearchFilterValue

const OPERATORS = new Set([
  "$eq",
  "$ne",
  "$in",
  "$nin",
  "$lt",
  "$lte",
  "$gt",
  "$gte",
  "$exists",
  "$contains",
  "$overlaps",
  "$prefix",
  "$like",
])

function invalid(message: string): never {
  throw new MedusaError(MedusaError.Types.INVALID_DATA, message)
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date)
}

/** Joins conditions; parenthesised when there is more than one so it nests safely. */
function group(parts: string[], operator: "AND" | "OR"): string {
  return parts.length === 1 ? parts[0] : `(${parts.join(` ${operator} `)})`
}

export function quoteString(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`
}

class Compiler {
  constructor(private readonly ctx: FilterContext) {}

  compile(filters: SearchTypes.SearchFilters | undefined): string | undefined {
    if (!filters) {
      return undefined
    }
    const parts = this.branch(filters, "")
    return parts.length ? parts.join(" AND ") : undefined
  }

  /** The conditions of one filter object, to be ANDed. */
  private branch(filters: SearchTypes.SearchFilters, prefix: string): string[] {
    if (!isPlainObject(filters)) {
      invalid(`Invalid search filter on index "${this.ctx.index}": expected an object, got ${JSON.stringify(filters)}`)
    }
    const parts: string[] = []
    for (const [key, value] of Object.entries(filters)) {
      if (value === undefined || (key === "q" && !prefix)) {
        continue
      }
      if (key === "$and" || key === "$or") {
        if (!Array.isArray(value)) {
          invalid(`"${key}" on search index "${this.ctx.index}" expects an array of filters`)
        }
        const branches = (value as SearchTypes.SearchFilters[])
          .map((item) => this.branch(item, ""))
          .filter((conditions) => conditions.length)
          .map((conditions) => group(conditions, "AND"))
        if (branches.length) {
          parts.push(group(branches, key === "$and" ? "AND" : "OR"))
        }
        continue
      }
      if (key === "$not") {
        const inner = this.branch(value as SearchTypes.SearchFilters, "")
        if (inner.length) {
          parts.push(`NOT (${inner.join(" AND ")})`)
        }
        continue
      }
      if (key.startsWith("$")) {
        invalid(`The Meilisearch search provider does not support the logical operator "${key}"`)
      }
      const path = prefix ? `${prefix}.${key}` : key
      const planned = this.ctx.fields?.get(path)
      // `{ variants: { sku: "x" } }` addresses `variants.sku`.
      if (!planned && isPlainObject(value) && !Object.keys(value).some((k) => k.startsWith("$"))) {
        parts.push(...this.branch(value as SearchTypes.SearchFilters, path))
        continue
      }
      parts.push(...this.field(path, value, planned))
    }
    return parts
  }

  private field(path: string, raw: unknown, planned: PlannedField | undefined): string[] {
    if (!/^[A-Za-z0-9_.-]+$/.test(path)) {
      invalid(`Filter field "${path}" on search index "${this.ctx.index}" is not a valid Meilisearch attribute name`)
    }
    if (this.ctx.fields && !planned) {
      invalid(`Unknown filter field "${path}" on search index "${this.ctx.index}"`)
    }
    if (raw === null || !isPlainObject(raw)) {
      return [Array.isArray(raw) ? this.anyOf(path, raw as Scalar[], planned) : this.equals(path, raw as Scalar, planned)]
    }
    const entries = Object.entries(raw).filter(([, value]) => value !== undefined)
    if (!entries.length) {
      invalid(`Empty operator map on filter field "${path}" of search index "${this.ctx.index}"`)
    }
    return entries.map(([operator, value]) => this.operator(path, operator, value, planned))
  }

  private operator(path: string, operator: string, value: unknown, planned: PlannedField | undefined): string {
    if (!OPERATORS.has(operator)) {
      invalid(`The Meilisearch search provider does not support the filter operator "${operator}" (on "${path}")`)
    }
    switch (operator) {
      case "$eq":
        return this.equals(path, value as Scalar, planned)
      case "$ne":
        return value === null ? present(path) : `${path} != ${this.literal(path, value as Scalar, planned)}`
      case "$in":
        return this.anyOf(path, this.list(path, operator, value), planned)
      case "$nin": {
        const values = this.list(path, operator, value)
        const concrete = values.filter((v) => v !== null)
        const parts: string[] = []
        if (concrete.length) {
          parts.push(`${path} NOT IN [${concrete.map((v) => this.literal(path, v, planned)).join(", ")}]`)
        }
        if (concrete.length !== values.length) {
          parts.push(present(path))
        }
        return parts.length ? group(parts, "AND") : always(path)
      }
      case "$lt":
      case "$lte":
      case "$gt":
      case "$gte": {
        if (value === null || value === undefined || typeof value === "boolean" || Array.isArray(value)) {
          invalid(`Filter operator "${operator}" on "${path}" needs a number, a date or a string`)
        }
        const symbol = { $lt: "<", $lte: "<=", $gt: ">", $gte: ">=" }[operator]
        return `${path} ${symbol} ${this.literal(path, value as Scalar, planned)}`
      }
      case "$exists":
        if (typeof value !== "boolean") {
          invalid(`Filter operator "$exists" on "${path}" needs true or false`)
        }
        return value ? present(path) : absent(path)
      case "$contains": {
        this.requireArray(path, operator, planned)
        const values = Array.isArray(value) ? (value as Scalar[]) : [value as Scalar]
        if (!values.length) {
          return always(path)
        }
        return group(
          values.map((v) => this.equals(path, v, planned)),
          "AND"
        )
      }
      case "$overlaps":
        this.requireArray(path, operator, planned)
        return this.anyOf(path, this.list(path, operator, value), planned)
      case "$prefix":
        if (!this.ctx.contains_filter || typeof value !== "string") {
          return unsupportedText(path, operator)
        }
        return `${path} STARTS WITH ${quoteString(value)}`
      case "$like": {
        if (!this.ctx.contains_filter || typeof value !== "string") {
          return unsupportedText(path, operator)
        }
        const contains = /^%([^%_]+)%$/.exec(value)
        if (contains) {
          return `${path} CONTAINS ${quoteString(contains[1])}`
        }
        const startsWith = /^([^%_]+)%$/.exec(value)
        if (startsWith) {
          return `${path} STARTS WITH ${quoteString(startsWith[1])}`
        }
        return invalid(
          `Meilisearch can only express "$like" patterns of the form "%text%" or "text%" (got "${value}" on "${path}")`
        )
      }
    }
    return invalid(`The Meilisearch search provider does not support the filter operator "${operator}"`)
  }

  private equals(path: string, value: Scalar, planned: PlannedField | undefined): string {
    return value === null || value === undefined ? absent(path) : `${path} = ${this.literal(path, value, planned)}`
  }

  /** Equal to (or, on an array field, containing) any of the values. */
  private anyOf(path: string, values: Scalar[], planned: PlannedField | undefined): string {
    const concrete = values.filter((v) => v !== null && v !== undefined)
    const parts: string[] = []
    if (concrete.length === 1) {
      parts.push(this.equals(path, concrete[0], planned))
    } else if (concrete.length) {
      parts.push(`${path} IN [${concrete.map((v) => this.literal(path, v, planned)).join(", ")}]`)
    }
    if (concrete.length !== values.length) {
      parts.push(absent(path))
    }
    return parts.length ? group(parts, "OR") : never(path)
  }

  private list(path: string, operator: string, value: unknown): Scalar[] {
    if (!Array.isArray(value)) {
      invalid(`Filter operator "${operator}" on "${path}" needs an array of values`)
    }
    return value as Scalar[]
  }

  private requireArray(path: string, operator: string, planned: PlannedField | undefined) {
    if (planned && !planned.array) {
      invalid(`Filter operator "${operator}" on "${path}" needs an array field`)
    }
  }

  private literal(path: string, value: Scalar, planned: PlannedField | undefined): string {
    if (value instanceof Date) {
      const ms = value.getTime()
      if (Number.isNaN(ms)) {
        invalid(`Invalid date in the filter on "${path}"`)
      }
      return String(ms)
    }
    if (planned?.date && typeof value === "string") {
      const ms = Date.parse(value)
      if (Number.isNaN(ms)) {
        invalid(`"${value}" is not a date (filter on "${path}")`)
      }
      return String(ms)
    }
    switch (typeof value) {
      case "number":
        if (!Number.isFinite(value)) {
          invalid(`Meilisearch cannot filter "${path}" by a non-finite number`)
        }
        return String(value)
      case "boolean":
        return String(value)
      case "string":
        return quoteString(value)
    }
    return invalid(`Unsupported filter value ${JSON.stringify(value)} on "${path}"`)
  }
}

/** Set and not null — what `$exists: true` and `$ne: null` mean. */
function present(path: string): string {
  return `(${path} EXISTS AND ${path} IS NOT NULL)`
}

/** Missing or null — what `{ field: null }` and `$exists: false` mean. */
function absent(path: string): string {
  return `(${path} NOT EXISTS OR ${path} IS NULL)`
}

/** Meilisearch has no TRUE/FALSE literals; these are tautology / contradiction on the field. */
function always(path: string): string {
  return `(${path} EXISTS OR ${path} NOT EXISTS)`
}

function never(path: string): string {
  return `(${path} EXISTS AND ${path} NOT EXISTS)`
}

function unsupportedText(path: string, operator: string): never {
  return invalid(
    `The Meilisearch search provider cannot express the filter operator "${operator}" (on "${path}"): Meilisearch has no substring or prefix filter unless its experimental "containsFilter" feature is enabled and the provider option "experimental_contains_filter" is set`
  )
}

export function compileFilters(
  filters: SearchTypes.SearchFilters | undefined,
  ctx: FilterContext
): string | undefined {
  return new Compiler(ctx).compile(filters)
}

/** ANDs filter expressions, skipping absent ones. */
export function andFilters(...filters: (string | undefined)[]): string | undefined {
  const present = filters.filter((f): f is string => !!f)
  if (present.length <= 1) {
    return present[0]
  }
  return present.map((f) => (needsParens(f) ? `(${f})` : f)).join(" AND ")
}

function needsParens(filter: string): boolean {
  // A bare " OR " at top level would bind looser than the AND we add.
  let depth = 0
  let quoted = false
  for (let i = 0; i < filter.length; i++) {
    const ch = filter[i]
    if (quoted) {
      if (ch === "\\") i++
      else if (ch === '"') quoted = false
      continue
    }
    if (ch === '"') quoted = true
    else if (ch === "(" || ch === "[") depth++
    else if (ch === ")" || ch === "]") depth--
    else if (depth === 0 && filter.startsWith(" OR ", i)) return true
  }
  return false
}
