import type { HttpTypes } from "@medusajs/types"
import { cnyRegion } from "./catalog.server"
import { FetchError, medusa } from "./medusa.server"
import type { StoreSession } from "./session.server"
import { attributeCart, scanIdFrom } from "./showroom.server"

export const CART_FIELDS =
  "id,currency_code,region_id,customer_id,completed_at,email,metadata,item_total,subtotal,shipping_total,tax_total,total,discount_total,*items,*items.variant,*items.variant.product,*shipping_methods,*shipping_address"

export async function retrieveCart(cartId: string | undefined): Promise<HttpTypes.StoreCart | null> {
  if (!cartId) return null
  try {
    const { cart } = await medusa().store.cart.retrieve(cartId, { fields: CART_FIELDS })
    // A completed cart became an order; the shopper starts a new one.
    return (cart as HttpTypes.StoreCart & { completed_at?: string | null }).completed_at ? null : cart
  } catch (error) {
    if (error instanceof FetchError && (error.status === 404 || error.status === 400)) return null
    throw error
  }
}

export async function cartItemCount(cartId: string | undefined): Promise<number> {
  if (!cartId) return 0
  try {
    const { cart } = await medusa().store.cart.retrieve(cartId, { fields: "id,completed_at,*items" })
    if ((cart as { completed_at?: string | null }).completed_at) return 0
    return (cart.items ?? []).reduce((sum, item) => sum + item.quantity, 0)
  } catch {
    return 0 // the badge is a nicety; never fail a page for it
  }
}

/**
 * The session's open cart, created in the CNY region on first use. A visitor who came through a
 * kiosk's QR code (the request carries the gwc_showroom_scan cookie) gets the scan on the cart's
 * metadata (showroom_scan_id), so the order is attributed to the experience centre.
 */
export async function ensureCart(session: StoreSession, request?: Request): Promise<HttpTypes.StoreCart> {
  const scanId = request ? scanIdFrom(request) : null
  const existing = await retrieveCart(session.get("cartId"))
  if (existing) {
    await attributeCart(existing, scanId)
    return existing
  }
  const region = await cnyRegion()
  // Country first, so shipping options (delivery to mainland China, pickup) can be listed at once.
  const { cart } = await medusa().store.cart.create(
    { region_id: region.id, shipping_address: { country_code: "cn" }, ...(scanId ? { metadata: { showroom_scan_id: scanId } } : {}) },
    { fields: CART_FIELDS }
  )
  session.set("cartId", cart.id)
  return cart
}
