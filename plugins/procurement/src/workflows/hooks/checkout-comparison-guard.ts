import { registerCheckoutGuard, type CheckoutCart } from "@gongwucang/platform/checkout-guards"
import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { COMPARISON_MESSAGES } from "../../lib/comparison-messages"
import { comparisons } from "../../lib/comparison-service"

type CartLine = { variant_id?: string | null; quantity?: unknown; unit_price?: unknown; metadata?: Record<string, unknown> | null }

const comparisonIdOf = (line: CartLine) => {
  const id = line.metadata?.price_comparison_id
  return typeof id === "string" ? id : null
}

/**
 * 按比价下单 at checkout: a cart made from a confirmed comparison is placed only as compared —
 * the chosen offer alone, at the compared quantity and price, from the comparison's latest
 * cart, once, and while the prices are locked. Without this a buyer could raise the quantity
 * of the locked-price line through Medusa's cart routes, or place two carts of one comparison.
 */
export async function comparisonCartGuard(cart: CheckoutCart, container: MedusaContainer) {
  const lines = ((cart.items as CartLine[] | undefined) ?? []).filter(Boolean)
  const comparisonIds = [...new Set(lines.map(comparisonIdOf).filter((id): id is string => Boolean(id)))]
  if (!comparisonIds.length) return
  const service = comparisons(container)
  const [comparison] = await service.listPriceComparisons({ id: comparisonIds[0] }, { relations: ["offers"], take: 1 })
  if (!comparison) throw new MedusaError(MedusaError.Types.NOT_FOUND, COMPARISON_MESSAGES.not_found(comparisonIds[0]))
  const quantity = Number(comparison.quantity)
  if (comparison.status === "ordered" || comparison.order_id) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, COMPARISON_MESSAGES.already_ordered)
  if (comparison.cart_id !== cart.id) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, COMPARISON_MESSAGES.cart_replaced)
  const lockedUntil = comparison.prices_locked_until ? new Date(comparison.prices_locked_until) : null
  if (!lockedUntil || lockedUntil.getTime() < Date.now()) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, COMPARISON_MESSAGES.prices_expired(lockedUntil ? lockedUntil.toISOString() : "—"))
  }
  const offer = (comparison.offers as { id: string; variant_id: string; unit_price: unknown }[]).find((o) => o.id === comparison.selected_offer_id)
  const [line] = lines
  const asCompared =
    comparisonIds.length === 1 &&
    lines.length === 1 &&
    offer !== undefined &&
    line.variant_id === offer.variant_id &&
    Number(line.quantity) === quantity &&
    Number(line.unit_price) === Number(offer.unit_price)
  if (!asCompared) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, COMPARISON_MESSAGES.cart_changed(quantity))
}

registerCheckoutGuard("procurement-comparison-cart", comparisonCartGuard)
