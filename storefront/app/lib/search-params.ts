import { z } from "zod"

// The /search page's state lives entirely in its URL (shareable; the back button works). This
// module reads it (dropping what is invalid, never failing) and writes links for changes.

export const SORTS = ["relevance", "price_asc", "price_desc", "newest"] as const
export type Sort = (typeof SORTS)[number]
export const KINDS = ["goods", "rental", "service", "specialty"] as const
export const MAX_PAGE = 400

/** The price buckets offered as a facet; `key` is also the `price` URL value. */
export const PRICE_RANGES = [
  { key: "0-500", to: 500 },
  { key: "500-2000", from: 500, to: 2000 },
  { key: "2000-10000", from: 2000, to: 10000 },
  { key: "10000+", from: 10000 },
] as const

/** Multi-valued filters: URL parameter names. */
export const LIST_PARAMS = ["category", "kind", "brand", "supplier", "energy", "origin"] as const
export type ListParam = (typeof LIST_PARAMS)[number]

export interface SearchState {
  q: string
  category: string[]
  kind: string[]
  brand: string[]
  supplier: string[]
  energy: string[]
  origin: string[]
  in_stock: boolean
  /** "500-2000" or "10000+" */
  price: string | null
  sort: Sort
  page: number
}

const Text = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s))
const Handle = z.string().trim().min(1).max(200).regex(/^[A-Za-z0-9_-]+$/)
const Price = z
  .string()
  .trim()
  .regex(/^\d{1,9}(-\d{1,9}|\+)$/)
  .refine((s) => {
    const [from, to] = s.split("-").map(Number)
    return s.endsWith("+") || from < to
  })

const VALUE: Record<ListParam, z.ZodType<string>> = {
  category: Handle,
  kind: z.enum(KINDS),
  brand: Text,
  supplier: Text,
  energy: Text,
  origin: Text,
}

const MAX_VALUES = 20

/**
 * The page's state from its query string. Invalid values are dropped and named in `dropped`
 * (as "name=value"); `categoryExists` lets the caller drop unknown category handles too.
 */
export function parseSearchParams(
  params: URLSearchParams,
  categoryExists: (handle: string) => boolean = () => true
): { state: SearchState; dropped: string[] } {
  const dropped: string[] = []
  const drop = (name: string, value: string) => dropped.push(`${name}=${value.length > 40 ? `${value.slice(0, 40)}…` : value}`)
  const single = <T>(name: string, schema: z.ZodType<T>, fallback: T): T => {
    const values = params.getAll(name).filter((v) => v !== "")
    if (!values.length) return fallback
    const parsed = schema.safeParse(values[0])
    if (!parsed.success) drop(name, values[0])
    return parsed.success ? parsed.data : fallback
  }

  const qRaw = params.get("q") ?? ""
  const q = qRaw.trim() === "" ? "" : single("q", Text, "")
  const state: SearchState = {
    q,
    category: [],
    kind: [],
    brand: [],
    supplier: [],
    energy: [],
    origin: [],
    in_stock: single("in_stock", z.enum(["1", "true"]), null) !== null,
    price: single("price", Price, null),
    sort: single("sort", z.enum(SORTS), q ? "relevance" : "newest"),
    page: single("page", z.coerce.number().int().min(1).max(MAX_PAGE), 1),
  }
  for (const name of LIST_PARAMS) {
    for (const raw of params.getAll(name)) {
      if (raw === "") continue
      const parsed = VALUE[name].safeParse(raw)
      if (!parsed.success || (name === "category" && !categoryExists(parsed.data))) drop(name, raw)
      else if (!state[name].includes(parsed.data) && state[name].length < MAX_VALUES) state[name].push(parsed.data)
    }
  }
  return { state, dropped }
}

/** `price` as a range for the backend: "500-2000" → { from: 500, to: 2000 }, "10000+" → { from: 10000 }. */
export function priceRange(price: string | null): { from?: number; to?: number } | null {
  if (!price) return null
  if (price.endsWith("+")) return { from: Number(price.slice(0, -1)) }
  const [from, to] = price.split("-").map(Number)
  return { ...(from > 0 ? { from } : {}), to }
}

/** The canonical query string for a state (defaults left out, so URLs stay short). */
export function toQuery(state: SearchState): string {
  const params = new URLSearchParams()
  if (state.q) params.set("q", state.q)
  for (const name of LIST_PARAMS) for (const value of state[name]) params.append(name, value)
  if (state.in_stock) params.set("in_stock", "1")
  if (state.price) params.set("price", state.price)
  if (state.sort !== (state.q ? "relevance" : "newest")) params.set("sort", state.sort)
  if (state.page > 1) params.set("page", String(state.page))
  const query = params.toString()
  return query ? `?${query}` : ""
}

/** A change to the filters goes back to the first page of results. */
export function withChange(state: SearchState, change: Partial<SearchState>): string {
  return `/search${toQuery({ ...state, page: 1, ...change })}`
}

/** The link that removes one value of a multi-valued filter. */
export function withoutValue(state: SearchState, name: ListParam, value: string): string {
  return withChange(state, { [name]: state[name].filter((v) => v !== value) })
}
