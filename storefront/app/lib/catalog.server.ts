import type { HttpTypes } from "@medusajs/types"
import type { CardProduct } from "~/components/ProductCard"
import { config } from "./config.server"
import { medusa } from "./medusa.server"

// Fields the listing cards and product page need; nothing more, so responses stay small.
export const CARD_FIELDS = "id,handle,title,subtitle,thumbnail,created_at,metadata,variants.id,variants.calculated_price.calculated_amount"
// Listed field by field rather than with `*relation`: Medusa then selects fewer columns and
// joins, which took ~20 ms off a first (uncached) product-page render here.
export const PRODUCT_FIELDS = [
  "id,handle,title,subtitle,description,thumbnail,metadata",
  "categories.name,categories.handle",
  "options.id,options.title,options.values.value",
  "variants.id,variants.title,variants.manage_inventory,variants.allow_backorder,variants.options.option_id,variants.options.value",
  "variants.calculated_price.calculated_amount,+variants.inventory_quantity",
].join(",")

let regionPromise: Promise<HttpTypes.StoreRegion> | null = null

/** The CNY region (China) every price is shown in. */
export function cnyRegion(): Promise<HttpTypes.StoreRegion> {
  regionPromise ??= medusa()
    .store.region.list({ fields: "id,name,currency_code" })
    .then(({ regions }) => {
      const region = regions.find((r) => r.currency_code === "cny") ?? regions[0]
      if (!region) throw new Error("The backend has no region; run the seed.")
      return region
    })
    .catch((error) => {
      regionPromise = null // try again on the next request
      throw error
    })
  return regionPromise
}

export interface CategoryNode {
  id: string
  name: string
  handle: string
  description: string | null
  metadata: Record<string, unknown> | null
  parent_category_id: string | null
  children: CategoryNode[]
}

export async function categoryTree(): Promise<CategoryNode[]> {
  const { product_categories } = await medusa().store.category.list({
    fields: "id,name,handle,description,metadata,parent_category_id,rank",
    limit: 500,
  })
  const nodes = new Map<string, CategoryNode>(
    product_categories.map((c) => [
      c.id,
      {
        id: c.id,
        name: c.name,
        handle: c.handle,
        description: c.description ?? null,
        metadata: (c.metadata as Record<string, unknown> | null) ?? null,
        parent_category_id: c.parent_category_id ?? null,
        children: [],
      },
    ])
  )
  const roots: CategoryNode[] = []
  for (const node of nodes.values()) {
    const parent = node.parent_category_id ? nodes.get(node.parent_category_id) : undefined
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  return roots
}

export async function listProducts(options: {
  categoryIds?: string[]
  limit: number
  offset: number
  order?: string
}): Promise<{ products: HttpTypes.StoreProduct[]; count: number }> {
  const region = await cnyRegion()
  const { products, count } = await medusa().store.product.list({
    fields: CARD_FIELDS,
    region_id: region.id,
    limit: options.limit,
    offset: options.offset,
    order: options.order ?? "-created_at",
    ...(options.categoryIds ? { category_id: options.categoryIds } : {}),
  })
  return { products, count }
}

/** Lowest calculated price of a product's variants. */
export function fromPrice(product: Pick<HttpTypes.StoreProduct, "variants">): number | null {
  const amounts = (product.variants ?? [])
    .map((v) => v.calculated_price?.calculated_amount)
    .filter((a): a is number => typeof a === "number")
  return amounts.length ? Math.min(...amounts) : null
}

type ImageMeta = Record<string, { url: string; width: number; height: number }>

/** Product image URLs are relative to the backend; the browser needs them absolute. */
export function mediaUrl(url: string | null | undefined): string | null {
  if (!url) return null
  if (/^https?:\/\//.test(url)) return url
  const base = process.env.MEDIA_BASE_URL || config().backendUrl
  return `${base.replace(/\/$/, "")}${url.startsWith("/") ? "" : "/"}${url}`
}

export function imageSet(metadata: Record<string, unknown> | null | undefined): ImageMeta | null {
  const images = metadata?.images as ImageMeta | undefined
  if (!images || typeof images !== "object") return null
  return Object.fromEntries(
    Object.entries(images).map(([size, image]) => [size, { ...image, url: mediaUrl(image.url) ?? image.url }])
  )
}

export function toCard(product: HttpTypes.StoreProduct): CardProduct {
  const metadata = (product.metadata ?? {}) as Record<string, unknown>
  return {
    handle: product.handle,
    title: product.title,
    subtitle: product.subtitle ?? null,
    thumbnail: mediaUrl(product.thumbnail),
    images: imageSet(metadata),
    fromPrice: fromPrice(product),
    kind: typeof metadata.offer_kind === "string" ? metadata.offer_kind : null,
    supplierName: typeof metadata.supplier_name === "string" ? metadata.supplier_name : null,
  }
}
