import crypto from "node:crypto"
import type { HttpTypes } from "@medusajs/types"
import { LRUCache } from "lru-cache"
import { config } from "./config.server"

/**
 * Product pages read products from here. Entries are dropped the moment the backend says a
 * product, variant, price or stock level changed (POST /internal/cache/invalidate), and expire
 * after a short TTL in any case, so a missed notice costs seconds of staleness, not more.
 * Checkout never reads from here: carts are priced by Medusa.
 */
const TTL_MS = Number(process.env.PRODUCT_CACHE_TTL_MS || 30_000)

type Entry = { product: HttpTypes.StoreProduct | null }

const byHandle = new LRUCache<string, Entry>({ max: 2_000, ttl: TTL_MS })
// product id → handle, so a notice naming ids finds the entry.
const handleById = new Map<string, string>()

export async function cachedProduct(
  handle: string,
  load: (handle: string) => Promise<HttpTypes.StoreProduct | null>
): Promise<HttpTypes.StoreProduct | null> {
  const hit = byHandle.get(handle)
  if (hit) return hit.product
  const product = await load(handle)
  byHandle.set(handle, { product })
  if (product) handleById.set(product.id, handle)
  return product
}

export function invalidateProducts(input: { product_ids?: string[]; handles?: string[]; all?: boolean }): number {
  if (input.all) {
    const size = byHandle.size
    byHandle.clear()
    handleById.clear()
    return size
  }
  let dropped = 0
  for (const handle of input.handles ?? []) if (byHandle.delete(handle)) dropped++
  for (const id of input.product_ids ?? []) {
    const handle = handleById.get(id)
    if (handle && byHandle.delete(handle)) dropped++
    handleById.delete(id)
  }
  return dropped
}

/** The shared secret the backend signs its notices with (derived from the session secret unless set). */
export function invalidationSecret(): string {
  return (
    process.env.STOREFRONT_CACHE_SECRET ||
    crypto.createHash("sha256").update(`${config().sessionSecret}:storefront-cache`).digest("hex")
  )
}
