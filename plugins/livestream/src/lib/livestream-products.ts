import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { ProductScope, SaleState } from "./livestream-rules"

type Scope = MedusaContainer | { resolve: MedusaContainer["resolve"] }
type Query = { graph: (config: Record<string, unknown>) => Promise<{ data: any[] }> }

const query = (scope: Scope) => scope.resolve(ContainerRegistrationKeys.QUERY) as unknown as Query

export interface ProductFacts extends ProductScope {
  id: string
  status: string
  variant_ids: string[]
}

/** The product with its status, variants, supplier (supplier ↔ product link) and category paths; null when missing. */
export async function productFacts(scope: Scope, productId: string): Promise<ProductFacts | null> {
  const { data } = await query(scope).graph({
    entity: "product",
    fields: ["id", "status", "variants.id", "categories.id", "categories.mpath", "supplier.id"],
    filters: { id: productId },
  })
  const product = data[0]
  if (!product) return null
  const supplier = Array.isArray(product.supplier) ? product.supplier[0] : product.supplier
  return {
    id: product.id,
    status: product.status,
    variant_ids: (product.variants ?? []).filter(Boolean).map((v: { id: string }) => v.id),
    supplier_id: supplier?.id ?? null,
    category_paths: (product.categories ?? []).filter(Boolean).map((c: { id: string; mpath?: string | null }) => c.mpath || c.id),
  }
}

/** What decides whether a lineup item is on sale: the product, the variant and its stock over every location. */
export async function saleState(
  scope: Scope,
  item: { product_id: string; variant_id: string; live_stock_cap: number | null; sold_quantity: number }
): Promise<SaleState> {
  const { data: products } = await query(scope).graph({ entity: "product", fields: ["id", "status"], filters: { id: item.product_id } })
  const product = products[0]
  const { data: variants } = await query(scope).graph({
    entity: "product_variant",
    fields: [
      "id",
      "product_id",
      "manage_inventory",
      "allow_backorder",
      "inventory_items.required_quantity",
      "inventory_items.inventory.location_levels.available_quantity",
    ],
    filters: { id: item.variant_id },
  })
  const variant = variants[0]
  const alwaysAvailable = !!variant && (!variant.manage_inventory || !!variant.allow_backorder)
  let available = 0
  if (variant && !alwaysAvailable) {
    const links = (variant.inventory_items ?? []).filter(Boolean)
    available = links.length
      ? Math.min(
          ...links.map((link: { required_quantity?: number; inventory?: { location_levels?: { available_quantity?: number | string }[] } }) => {
            const total = (link.inventory?.location_levels ?? []).filter(Boolean).reduce((sum, level) => sum + Number(level.available_quantity ?? 0), 0)
            return Math.floor(total / Math.max(1, Number(link.required_quantity ?? 1)))
          })
        )
      : 0
  }
  return {
    product_exists: !!product,
    product_published: product?.status === "published",
    variant_exists: !!variant && variant.product_id === item.product_id,
    always_available: alwaysAvailable,
    available_quantity: available,
    live_stock_cap: item.live_stock_cap,
    sold_quantity: item.sold_quantity,
  }
}

export interface ProductCard {
  product_id: string
  variant_id: string
  title: string | null
  variant_title: string | null
  thumbnail: string | null
  /** The list price in yuan (CNY, the price set's plain price), never changed by a live price. */
  list_price: number | null
}

/** Title, thumbnail and CNY list price for each variant (missing products are left out). */
export async function productCards(scope: Scope, variantIds: string[]): Promise<Map<string, ProductCard>> {
  const cards = new Map<string, ProductCard>()
  if (!variantIds.length) return cards
  const { data } = await query(scope).graph({
    entity: "product_variant",
    fields: ["id", "title", "product_id", "product.title", "product.thumbnail", "prices.amount", "prices.currency_code", "prices.price_list_id", "prices.rules_count", "prices.min_quantity"],
    filters: { id: variantIds },
  })
  for (const variant of data) {
    const prices = (variant.prices ?? []).filter(
      (p: { currency_code?: string; price_list_id?: string | null; rules_count?: number; min_quantity?: number | null } | null) =>
        p && p.currency_code?.toLowerCase() === "cny" && !p.price_list_id && !p.rules_count && (p.min_quantity === null || p.min_quantity === undefined || Number(p.min_quantity) <= 1)
    )
    const amount = prices.length ? Math.min(...prices.map((p: { amount: number | string }) => Number(p.amount))) : null
    cards.set(variant.id, {
      product_id: variant.product_id,
      variant_id: variant.id,
      title: variant.product?.title ?? null,
      variant_title: variant.title ?? null,
      thumbnail: variant.product?.thumbnail ?? null,
      list_price: amount,
    })
  }
  return cards
}
