import { z } from "zod"
import type { CardProduct } from "~/components/ProductCard"
import { imageSet, mediaUrl } from "./catalog.server"
import { config } from "./config.server"
import { PRICE_RANGES } from "./search-params"

/**
 * The backend's product search (`POST /store/search`, plugins/search) for the /search page and
 * the header's suggestions. Responses are parsed with zod; a failed or malformed answer becomes
 * `{ ok: false }` so pages can say "search is unavailable" instead of failing.
 */

export const PAGE_SIZE = 24
const TIMEOUT_MS = 8_000

/** Facet fields, in the order the sidebar shows them. */
export const VALUE_FACETS = ["category_ids", "offer_kind", "brand", "supplier_name", "energy_label", "origin_region", "in_stock"] as const
export type ValueFacetField = (typeof VALUE_FACETS)[number]


export type SearchSort = "relevance" | "price_asc" | "price_desc" | "newest"

export interface SearchRequest {
  q?: string
  categoryIds: string[]
  kinds: string[]
  brands: string[]
  suppliers: string[]
  energy: string[]
  origins: string[]
  inStock: boolean
  price: { from?: number; to?: number } | null
  sort: SearchSort
  page: number
}

// --- response ---------------------------------------------------------------------------------

const ImageSize = z.object({ url: z.string(), width: z.number(), height: z.number() })
const Document = z.object({
  handle: z.string().min(1),
  title: z.string(),
  subtitle: z.string().nullish(),
  thumbnail: z.string().nullish(),
  price: z.number().nullish(),
  offer_kind: z.string().nullish(),
  supplier_name: z.string().nullish(),
  brand: z.string().nullish(),
  images: z.record(z.string(), ImageSize).nullish(),
})
const Hit = z.object({ id: z.string(), document: Document })
const FacetValue = z.object({ value: z.union([z.string(), z.number(), z.boolean()]), count: z.number().int().nonnegative() })
const FacetRange = z.object({ key: z.string(), count: z.number().int().nonnegative() })
const Facet = z.discriminatedUnion("type", [
  z.object({ type: z.literal("value"), values: z.array(z.unknown()) }),
  z.object({ type: z.literal("range"), ranges: z.array(z.unknown()) }),
])
const Result = z.object({
  hits: z.array(z.unknown()),
  facets: z.record(z.string(), z.unknown()).nullish(),
  metadata: z.object({ skip: z.number(), take: z.number(), count: z.number().int().nonnegative() }),
})
const Response_ = z.object({ results: z.array(Result).min(1) })

export interface FacetOption {
  value: string
  count: number
}

export type SearchOutcome =
  | {
      ok: true
      products: CardProduct[]
      count: number
      /** Value facets: field → options (values as strings). */
      facets: Partial<Record<ValueFacetField, FacetOption[]>>
      /** Price buckets: key → count. */
      priceCounts: Record<string, number>
    }
  | { ok: false; status: number | null }

/** Drops the entries that do not match the schema instead of failing the whole answer. */
function each<T>(items: unknown[], schema: z.ZodType<T>): T[] {
  return items.flatMap((item) => {
    const parsed = schema.safeParse(item)
    return parsed.success ? [parsed.data] : []
  })
}

function toCard(document: z.infer<typeof Document>): CardProduct {
  return {
    handle: document.handle,
    title: document.title,
    subtitle: document.subtitle ?? null,
    thumbnail: mediaUrl(document.thumbnail),
    images: imageSet({ images: document.images ?? undefined }),
    fromPrice: document.price ?? null,
    kind: document.offer_kind ?? null,
    supplierName: document.supplier_name ?? null,
  }
}

type Answer = { ok: true; result: z.infer<typeof Result> } | { ok: false; status: number | null; message?: string }

async function post(body: unknown): Promise<Answer> {
  const { backendUrl, publishableKey } = config()
  let response: Response
  try {
    response = await fetch(`${backendUrl.replace(/\/$/, "")}/store/search`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", "x-publishable-api-key": publishableKey },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
  } catch (error) {
    console.error(`search: backend unreachable: ${(error as Error).message}`)
    return { ok: false, status: null }
  }
  if (!response.ok) {
    const text = (await response.text().catch(() => "")).slice(0, 300)
    console.error(`search: backend answered ${response.status}: ${text}`)
    let message: string | undefined
    try {
      message = (JSON.parse(text) as { message?: string }).message
    } catch {
      // not JSON
    }
    return { ok: false, status: response.status, message }
  }
  const parsed = Response_.safeParse(await response.json().catch(() => null))
  if (!parsed.success) {
    console.error(`search: unexpected response: ${parsed.error.message.slice(0, 300)}`)
    return { ok: false, status: response.status }
  }
  return { ok: true, result: parsed.data.results[0] }
}

/** The document fields the result cards use; `images` gives them srcsets, `thumbnail` is the fallback. */
const IMAGE_FIELDS = ["thumb", "medium", "large"].flatMap((size) => ["url", "width", "height"].map((key) => `images.${size}.${key}`))
const CARD_FIELDS = ["id", "handle", "title", "subtitle", "thumbnail", "price", "offer_kind", "supplier_name", "brand", ...IMAGE_FIELDS]

/** The request body for a search, as the backend's contract has it. */
export function searchBody(request: SearchRequest, fields: string[] = CARD_FIELDS) {
  const filters: Record<string, unknown> = {}
  if (request.q) filters.q = request.q
  const anyOf = (field: string, values: string[]) => {
    if (values.length) filters[field] = { $in: values }
  }
  anyOf("category_ids", request.categoryIds)
  anyOf("offer_kind", request.kinds)
  anyOf("brand", request.brands)
  anyOf("supplier_name", request.suppliers)
  anyOf("energy_label", request.energy)
  anyOf("origin_region", request.origins)
  if (request.inStock) filters.in_stock = true
  if (request.price) {
    filters.price = {
      ...(request.price.from !== undefined ? { $gte: request.price.from } : {}),
      ...(request.price.to !== undefined ? { $lt: request.price.to } : {}),
    }
  }
  const order: Record<string, "ASC" | "DESC"> | undefined =
    request.sort === "price_asc"
      ? { price: "ASC" }
      : request.sort === "price_desc"
        ? { price: "DESC" }
        : request.sort === "newest" || !request.q
          ? { created_at: "DESC" }
          : undefined // relevance: the backend's default when there is a query
  return {
    entity: "product",
    filters,
    pagination: { skip: (request.page - 1) * PAGE_SIZE, take: PAGE_SIZE, ...(order ? { order } : {}) },
    search_options: {
      facets: [...VALUE_FACETS, { field: "price", type: "range", ranges: PRICE_RANGES }],
      disjunctive_facets: true,
    },
    fields,
  }
}

/**
 * A field the index cannot hand back (Medusa answers 400 "can't return the fields: images")
 * costs the cards their srcset, not the whole page: ask once more without those fields.
 */
async function postSearch(request: SearchRequest): Promise<Answer> {
  const answer = await post(searchBody(request))
  const unreturnable = !answer.ok && answer.status === 400 ? /can't return the fields: (.+)$/.exec(answer.message ?? "")?.[1] : undefined
  if (!unreturnable) return answer
  const missing = new Set(unreturnable.split(",").map((f) => f.trim()))
  const fields = CARD_FIELDS.filter((f) => !missing.has(f))
  if (fields.length === CARD_FIELDS.length || !fields.includes("handle")) return answer
  console.warn(`search: the index cannot return ${[...missing].join(", ")}; searching without`)
  return post(searchBody(request, fields))
}

export async function searchProducts(request: SearchRequest): Promise<SearchOutcome> {
  const answer = await postSearch(request)
  if (!answer.ok) return { ok: false, status: answer.status }
  const { result } = answer
  const facets: Partial<Record<ValueFacetField, FacetOption[]>> = {}
  const priceCounts: Record<string, number> = {}
  for (const [field, raw] of Object.entries(result.facets ?? {})) {
    const facet = Facet.safeParse(raw)
    if (!facet.success) continue
    if (facet.data.type === "range") {
      for (const range of each(facet.data.ranges, FacetRange)) priceCounts[range.key] = range.count
    } else if ((VALUE_FACETS as readonly string[]).includes(field)) {
      facets[field as ValueFacetField] = each(facet.data.values, FacetValue)
        .filter((v) => v.value !== "")
        .map((v) => ({ value: String(v.value), count: v.count }))
    }
  }
  return {
    ok: true,
    products: each(result.hits, Hit).map((hit) => toCard(hit.document)),
    count: result.metadata.count,
    facets,
    priceCounts,
  }
}

/** Up to six products whose title matches what is typed so far, for the header's search box. */
export async function suggest(q: string): Promise<{ suggestions: { handle: string; title: string }[]; unavailable?: true }> {
  const answer = await post({
    entity: "product",
    filters: { q },
    pagination: { take: 6 },
    search_options: { match_strategy: "last" },
    fields: ["handle", "title"],
  })
  if (!answer.ok) return { suggestions: [], unavailable: true }
  const documents = each(answer.result.hits, z.object({ document: z.object({ handle: z.string().min(1), title: z.string() }) }))
  return { suggestions: documents.map((d) => ({ handle: d.document.handle, title: d.document.title })) }
}
