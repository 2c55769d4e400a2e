import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

// What the storefront caches (product pages) changes with these: tell it which products.
const PRODUCT_EVENTS = ["product.updated", "product.deleted"]
const VARIANT_EVENTS = ["product-variant.created", "product-variant.updated", "product-variant.deleted"]
const STOCK_EVENTS = [
  "inventory-level.created",
  "inventory-level.updated",
  "inventory-level.deleted",
  "reservation-item.created",
  "reservation-item.updated",
  "reservation-item.deleted",
]

type Query = { graph: (config: Record<string, unknown>) => Promise<{ data: any[] }> }

/** Product ids an event concerns, or null when they cannot be told (then: drop everything). */
async function productIdsFor(event: string, id: string, query: Query): Promise<string[] | null> {
  if (PRODUCT_EVENTS.includes(event)) return [id]
  if (VARIANT_EVENTS.includes(event)) {
    const { data } = await query.graph({ entity: "product_variant", fields: ["product_id"], filters: { id }, withDeleted: true })
    return data[0]?.product_id ? [data[0].product_id] : null
  }
  const entity = event.startsWith("inventory-level") ? "inventory_level" : "reservation_item"
  const { data } = await query.graph({ entity, fields: ["inventory_item_id"], filters: { id }, withDeleted: true })
  const itemId = data[0]?.inventory_item_id
  if (!itemId) return null
  const { data: items } = await query.graph({ entity: "inventory_item", fields: ["variants.product_id"], filters: { id: itemId } })
  const ids = (items[0]?.variants ?? []).map((v: { product_id?: string } | null) => v?.product_id).filter(Boolean)
  return ids.length ? ids : null
}

export default async function notifyStorefrontCache({ event, container }: SubscriberArgs<{ id: string }>) {
  const storefrontUrl = process.env.STOREFRONT_URL
  const secret = process.env.STOREFRONT_CACHE_SECRET
  if (!storefrontUrl || !secret) return
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  let ids: string[] | null = null
  try {
    ids = await productIdsFor(event.name, event.data.id, container.resolve(ContainerRegistrationKeys.QUERY) as unknown as Query)
  } catch (error) {
    logger.warn(`storefront cache: could not resolve ${event.name} ${event.data.id}: ${(error as Error).message}`)
  }
  try {
    const response = await fetch(`${storefrontUrl.replace(/\/$/, "")}/internal/cache/invalidate`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-cache-secret": secret },
      body: JSON.stringify(ids ? { product_ids: ids } : { all: true }),
      signal: AbortSignal.timeout(2_000),
    })
    if (!response.ok) logger.warn(`storefront cache: notice for ${event.name} answered ${response.status}`)
  } catch (error) {
    // The storefront may be down or restarting; its TTL bounds the staleness.
    logger.warn(`storefront cache: notice for ${event.name} failed: ${(error as Error).message}`)
  }
}

export const config: SubscriberConfig = {
  event: [...PRODUCT_EVENTS, ...VARIANT_EVENTS, ...STOCK_EVENTS],
}
