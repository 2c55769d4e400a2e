/**
 * Compiles Medusa's search filter DSL (`SearchFilters`) into a predicate over a document.
 * Field paths are dotted; a field holding an array matches when any element does, the way
 * every search engine treats multi-valued fields.
 */
export type Doc = Record<string, unknown>
export type Predicate = (doc: Doc) => boolean

export class FilterError extends Error {}

const OPERATORS = new Set(["$eq", "$ne", "$in", "$nin", "$lt", "$lte", "$gt", "$gte", "$exists", "$contains", "$overlaps", "$prefix", "$like"])

export function valueAt(doc: Doc, path: string): unknown {
  if (path in doc) return doc[path]
  let current: unknown = doc
  for (const part of path.split(".")) {
    if (current === null || current === undefined) return undefined
    if (Array.isArray(current)) current = current.flatMap((item) => (item && typeof item === "object" ? [(item as Doc)[part]] : []))
    else if (typeof current === "object") current = (current as Doc)[part]
    else return undefined
  }
  return current
}

/** Dates and numbers compare as numbers; everything else as strings. */
function comparable(value: unknown): string | number | boolean | null {
  if (value instanceof Date) return value.getTime()
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value)) {
    const time = Date.parse(value)
    if (!Number.isNaN(time)) return time
  }
  if (typeof value === "number" || typeof value === "boolean" || value === null) return value
  if (value === undefined) return null
  return String(value)
}

function equal(a: unknown, b: unknown): boolean {
  return comparable(a) === comparable(b)
}

function compare(a: unknown, b: unknown): number | null {
  const x = comparable(a)
  const y = comparable(b)
  if (x === null || y === null) return null
  if (typeof x === "number" && typeof y === "number") return x - y
  return String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0
}

function ordered(a: unknown, b: unknown, test: (c: number) => boolean): boolean {
  const c = compare(a, b)
  return c !== null && test(c)
}

function likeToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/%/g, ".*").replace(/_/g, ".")
  return new RegExp(`^${escaped}$`, "i")
}

function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return []
  return Array.isArray(value) ? value : [value]
}

function operatorPredicate(path: string, operator: string, operand: unknown): Predicate {
  const values = (doc: Doc) => asList(valueAt(doc, path))
  switch (operator) {
    case "$eq":
      return operand === null ? (doc) => values(doc).length === 0 : (doc) => values(doc).some((v) => equal(v, operand))
    case "$ne":
      return operand === null ? (doc) => values(doc).length > 0 : (doc) => !values(doc).some((v) => equal(v, operand))
    case "$in": {
      if (!Array.isArray(operand)) throw new FilterError(`"${path}": $in takes a list`)
      const wanted = new Set(operand.map(comparable))
      return (doc) => values(doc).some((v) => wanted.has(comparable(v)))
    }
    case "$nin": {
      if (!Array.isArray(operand)) throw new FilterError(`"${path}": $nin takes a list`)
      const unwanted = new Set(operand.map(comparable))
      return (doc) => !values(doc).some((v) => unwanted.has(comparable(v)))
    }
    case "$lt":
      return (doc) => values(doc).some((v) => ordered(v, operand, (c) => c < 0))
    case "$lte":
      return (doc) => values(doc).some((v) => ordered(v, operand, (c) => c <= 0))
    case "$gt":
      return (doc) => values(doc).some((v) => ordered(v, operand, (c) => c > 0))
    case "$gte":
      return (doc) => values(doc).some((v) => ordered(v, operand, (c) => c >= 0))
    case "$exists":
      if (typeof operand !== "boolean") throw new FilterError(`"${path}": $exists takes true or false`)
      return (doc) => (values(doc).length > 0) === operand
    case "$contains": {
      const required = asList(operand)
      return (doc) => {
        const present = values(doc)
        return required.every((r) => present.some((v) => equal(v, r)))
      }
    }
    case "$overlaps": {
      if (!Array.isArray(operand)) throw new FilterError(`"${path}": $overlaps takes a list`)
      const wanted = new Set(operand.map(comparable))
      return (doc) => values(doc).some((v) => wanted.has(comparable(v)))
    }
    case "$prefix":
      if (typeof operand !== "string") throw new FilterError(`"${path}": $prefix takes a string`)
      return (doc) => values(doc).some((v) => typeof v === "string" && v.toLowerCase().startsWith(operand.toLowerCase()))
    case "$like": {
      if (typeof operand !== "string") throw new FilterError(`"${path}": $like takes a string`)
      const re = likeToRegExp(operand)
      return (doc) => values(doc).some((v) => typeof v === "string" && re.test(v))
    }
    default:
      throw new FilterError(`Unknown filter operator "${operator}" on "${path}"`)
  }
}

function isOperatorMap(value: unknown): value is Record<string, unknown> {
  return (
    !!value &&
    typeof value === "object" &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    Object.keys(value).length > 0 &&
    Object.keys(value).every((key) => key.startsWith("$"))
  )
}

function fieldPredicate(path: string, condition: unknown): Predicate {
  if (Array.isArray(condition)) return operatorPredicate(path, "$in", condition)
  if (isOperatorMap(condition)) {
    const parts = Object.entries(condition).map(([operator, operand]) => {
      if (!OPERATORS.has(operator)) throw new FilterError(`Unknown filter operator "${operator}" on "${path}"`)
      return operatorPredicate(path, operator, operand)
    })
    return (doc) => parts.every((p) => p(doc))
  }
  if (condition && typeof condition === "object" && !(condition instanceof Date)) {
    // A nested object filters the fields of an object field: { variants: { sku: "x" } }.
    return compileFilters(condition as Record<string, unknown>, path)
  }
  return operatorPredicate(path, "$eq", condition)
}

/** `q` is lifted out by the Search Module before filters reach a provider; it is ignored here. */
export function compileFilters(filters: Record<string, unknown> | undefined, prefix = ""): Predicate {
  if (!filters) return () => true
  const parts: Predicate[] = []
  for (const [key, condition] of Object.entries(filters)) {
    if (condition === undefined || key === "q") continue
    if (key === "$and" || key === "$or") {
      if (!Array.isArray(condition)) throw new FilterError(`${key} takes a list of filters`)
      const branches = condition.map((branch) => compileFilters(branch as Record<string, unknown>, prefix))
      parts.push(key === "$and" ? (doc) => branches.every((b) => b(doc)) : (doc) => branches.some((b) => b(doc)))
    } else if (key === "$not") {
      const inner = compileFilters(condition as Record<string, unknown>, prefix)
      parts.push((doc) => !inner(doc))
    } else if (key.startsWith("$")) {
      throw new FilterError(`Unknown filter operator "${key}"`)
    } else {
      parts.push(fieldPredicate(prefix ? `${prefix}.${key}` : key, condition))
    }
  }
  if (parts.length === 0) return () => true
  if (parts.length === 1) return parts[0]
  return (doc) => parts.every((p) => p(doc))
}
