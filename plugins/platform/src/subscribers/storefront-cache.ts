import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import type { Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import DataLoader from "dataloader"

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

/**
 * A batch create or an import emits one event per product, variant and stock level, handled
 * concurrently; the lookups and the notices of events that arrive together are merged
 * (DataLoader), so a burst costs one lookup and one notice, not hundreds.
 */
const BURST_WINDOW_MS = 20
const ALL = "*" // the notice "drop everything", when an event's products cannot be told

interface Loaders {
  productOfVariant: DataLoader<string, string | null>
  notice: DataLoader<string, true>
}
const loadersByQuery = new WeakMap<object, Loaders>()

function loadersFor(query: Query, logger: Logger, storefrontUrl: string, secret: string): Loaders {
  let loaders = loadersByQuery.get(query)
  if (loaders) return loaders
  const options = { cache: false, maxBatchSize: 500, batchScheduleFn: (run: () => void) => void setTimeout(run, BURST_WINDOW_MS) }
  loaders = {
    productOfVariant: new DataLoader(async (keys: readonly string[]) => {
      const { data } = await query.graph({ entity: "product_variant", fields: ["id", "product_id"], filters: { id: [...new Set(keys)] }, withDeleted: true })
      const products = new Map(data.map((v) => [v.id as string, (v.product_id as string) ?? null]))
      return keys.map((id) => products.get(id) ?? null)
    }, options),
    notice: new DataLoader(async (keys: readonly string[]) => {
      const body = keys.includes(ALL) ? { all: true } : { product_ids: [...new Set(keys)] }
      try {
        const response = await fetch(`${storefrontUrl.replace(/\/$/, "")}/internal/cache/invalidate`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-cache-secret": secret },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(2_000),
        })
        if (!response.ok) logger.warn(`storefront cache: notice answered ${response.status}`)
      } catch (error) {
        // The storefront may be down or restarting; its TTL bounds the staleness.
        logger.warn(`storefront cache: notice failed: ${(error as Error).message}`)
      }
      return keys.map(() => true as const)
    }, options),
  }
  loadersByQuery.set(query, loaders)
  return loaders
}

/** Product ids an event concerns, or null when they cannot be told (then: drop everything). */
async function productIdsFor(event: string, id: string, query: Query, loaders: Loaders): Promise<string[] | null> {
  if (PRODUCT_EVENTS.includes(event)) return [id]
  if (VARIANT_EVENTS.includes(event)) {
    const productId = await loaders.productOfVariant.load(id)
    return productId ? [productId] : null
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
  const query = container.resolve(ContainerRegistrationKeys.QUERY) as unknown as Query
  const loaders = loadersFor(query, logger, storefrontUrl, secret)
  let ids: string[] | null = null
  try {
    ids = await productIdsFor(event.name, event.data.id, query, loaders)
  } catch (error) {
    logger.warn(`storefront cache: could not resolve ${event.name} ${event.data.id}: ${(error as Error).message}`)
  }
  await loaders.notice.loadMany(ids ?? [ALL])
}

export const config: SubscriberConfig = {
  event: [...PRODUCT_EVENTS, ...VARIANT_EVENTS, ...STOCK_EVENTS],
}
