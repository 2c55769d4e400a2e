import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { PRODUCT_NOT_FOUND, rentalFromMetadata, serviceFromMetadata, type ListingSnapshot, type StoredSpec } from "./listing"

/** A product as the listing routes and workflows read it. */
export interface ListingState {
  id: string
  title: string
  subtitle: string | null
  description: string | null
  handle: string
  status: "draft" | "proposed" | "published" | "rejected"
  thumbnail: string | null
  metadata: Record<string, unknown>
  category_ids: string[]
  options: { id: string; title: string; values: string[] }[]
  variants: {
    id: string
    title: string
    sku: string | null
    manage_inventory: boolean
    options: Record<string, string>
    prices: { id: string; amount: number; currency_code: string }[]
    price_cny: number | null
    inventory_item_id: string | null
    levels: { location_id: string; stocked_quantity: number; reserved_quantity: number }[]
  }[]
  images: { url: string }[]
  created_at: string
  updated_at: string
}

type Query = { graph: (config: Record<string, unknown>) => Promise<{ data: any[] }> }

const FIELDS = [
  "id", "title", "subtitle", "description", "handle", "status", "thumbnail", "metadata", "created_at", "updated_at",
  "categories.id", "images.url", "options.id", "options.title", "options.values.value",
  "variants.id", "variants.title", "variants.sku", "variants.manage_inventory", "variants.options.value", "variants.options.option.title",
  "variants.prices.id", "variants.prices.amount", "variants.prices.currency_code",
]
const STOCK_FIELDS = [
  "id", "variants.id", "variants.inventory_items.inventory_item_id",
  "variants.inventory_items.inventory.location_levels.location_id",
  "variants.inventory_items.inventory.location_levels.stocked_quantity",
  "variants.inventory_items.inventory.location_levels.reserved_quantity",
]

/** Reads listings' products (prices and stock in a second query: one join of both multiplies rows). */
export async function loadListingStates(scope: MedusaContainer, ids: string[]): Promise<ListingState[]> {
  if (!ids.length) return []
  const query = scope.resolve(ContainerRegistrationKeys.QUERY) as unknown as Query
  const [{ data }, { data: stock }] = await Promise.all([
    query.graph({ entity: "product", fields: FIELDS, filters: { id: ids } }),
    query.graph({ entity: "product", fields: STOCK_FIELDS, filters: { id: ids } }),
  ])
  const stockByVariant = new Map<string, any>()
  for (const product of stock) for (const v of product.variants ?? []) if (v) stockByVariant.set(v.id, v)
  const byId = new Map(data.map((row) => [row.id, toState(row, stockByVariant)]))
  return ids.map((id) => byId.get(id)).filter((s): s is ListingState => !!s)
}

export async function loadListingState(scope: MedusaContainer, id: string): Promise<ListingState> {
  const [state] = await loadListingStates(scope, [id])
  if (!state) throw new MedusaError(MedusaError.Types.NOT_FOUND, PRODUCT_NOT_FOUND)
  return state
}

function toState(row: any, stockByVariant: Map<string, any>): ListingState {
  return {
    id: row.id,
    title: row.title,
    subtitle: row.subtitle ?? null,
    description: row.description ?? null,
    handle: row.handle,
    status: row.status,
    thumbnail: row.thumbnail ?? null,
    metadata: (row.metadata ?? {}) as Record<string, unknown>,
    category_ids: (row.categories ?? []).filter(Boolean).map((c: { id: string }) => c.id),
    options: (row.options ?? []).filter(Boolean).map((o: any) => ({ id: o.id, title: o.title, values: (o.values ?? []).map((v: any) => v.value) })),
    images: (row.images ?? []).filter(Boolean).map((i: any) => ({ url: i.url })),
    created_at: row.created_at,
    updated_at: row.updated_at,
    variants: (row.variants ?? []).filter(Boolean).map((v: any) => {
      const prices = (v.prices ?? []).filter(Boolean).map((p: any) => ({ id: p.id, amount: Number(p.amount), currency_code: p.currency_code }))
      const link = stockByVariant.get(v.id)?.inventory_items?.find(Boolean)
      return {
        id: v.id,
        title: v.title,
        sku: v.sku ?? null,
        manage_inventory: !!v.manage_inventory,
        options: Object.fromEntries((v.options ?? []).filter(Boolean).map((o: any) => [o.option?.title ?? "", o.value])),
        prices,
        price_cny: cnyPrice(prices),
        inventory_item_id: link?.inventory_item_id ?? null,
        levels: (link?.inventory?.location_levels ?? []).filter(Boolean).map((l: any) => ({
          location_id: l.location_id,
          stocked_quantity: Number(l.stocked_quantity ?? 0),
          reserved_quantity: Number(l.reserved_quantity ?? 0),
        })),
      }
    }),
  }
}

function cnyPrice(prices: { amount: number; currency_code: string }[]): number | null {
  const cny = prices.filter((p) => p.currency_code === "cny").map((p) => p.amount)
  return cny.length ? Math.min(...cny) : null
}

export function lowestPrice(state: ListingState): number | null {
  const prices = state.variants.map((v) => v.price_cny).filter((p): p is number => p !== null)
  return prices.length ? Math.min(...prices) : null
}

/** The listing as the public sees it now, in the shape listing changes compare against. */
export function snapshotOf(state: ListingState): Required<ListingSnapshot> {
  const metadata = state.metadata
  const images = metadata.images as Record<string, { url: string }> | undefined
  return {
    title: state.title,
    subtitle: state.subtitle,
    description: state.description ?? "",
    kind: (metadata.offer_kind as Required<ListingSnapshot>["kind"]) ?? "goods",
    category_id: state.category_ids[0] ?? "",
    specs: (Array.isArray(metadata.specs) ? metadata.specs : []) as StoredSpec[],
    prices: state.variants.map((v) => ({ variant_id: v.id, variant_title: v.title, sku: v.sku, price_cny: v.price_cny ?? NaN })),
    rental: rentalFromMetadata(metadata.rental),
    service: serviceFromMetadata(metadata.service),
    image_urls: state.images.length ? state.images.map((i) => i.url) : images?.medium ? [images.medium.url] : [],
  }
}
