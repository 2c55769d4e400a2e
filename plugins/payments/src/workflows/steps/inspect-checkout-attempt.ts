import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHECKOUT_JOURNAL_MODULE } from "../../modules/checkout-journal"
import type CheckoutJournalModuleService from "../../modules/checkout-journal/service"

/** A reservation Medusa's completion would have made (the input of its reserveInventoryStep). */
export interface MissingReservation {
  id: string
  inventory_item_id: string
  required_quantity: number
  allow_backorder: boolean
  quantity: number
  location_ids: string[]
}

/**
 * What a cut-off completion left and what to do about it:
 * - completed: the order is there with its payment (cut off after authorising): nothing to fix;
 * - abandoned: cut off before any order: nothing to fix, the buyer can place the order again;
 * - roll_forward: an order without some of its links, its cart's completion, reservations or
 *   payment: add what is missing and authorise the payment, as the completion would have;
 * - cancel: such an order whose stock is gone meanwhile: cancel it (nothing was charged).
 * Orders the attempt left that a later completion of the same cart replaced are removed.
 */
export interface CheckoutRepairPlan {
  attempt_id: string
  cart_id: string
  action: "completed" | "abandoned" | "roll_forward" | "cancel"
  order_id: string | null
  /** Orders of this attempt nothing points to, made redundant by another order of the cart. */
  remove_order_ids: string[]
  missing_links: { cart: boolean; payment_collection: boolean }
  payment_collection_id: string | null
  complete_cart: boolean
  reservations: MissingReservation[]
  /** The session to authorise (roll_forward without a payment). */
  session_id: string | null
  /**
   * The order's `order.placed` never went out: Medusa releases a completion's events when it
   * ends, and this one never ended (unless another completion of the cart finished the order).
   */
  announce: boolean
  note: string
}

type Row = Record<string, any>

/** Orders are looked for from a little before the attempt started to well after (clock skew, slow runs). */
const ORPHAN_WINDOW_BEFORE_MS = 5_000
const ORPHAN_WINDOW_AFTER_MS = 10 * 60_000

/**
 * A quantity from a query result: Medusa returns big-number columns as numbers, numeric strings
 * or BigNumber objects depending on the path, and `Number()` of the last is NaN.
 */
export function toNumber(value: unknown): number {
  if (typeof value === "number") return value
  if (typeof value === "string") return Number(value)
  if (value && typeof value === "object") {
    const big = value as { numeric?: unknown; value?: unknown; valueOf(): unknown }
    if (typeof big.numeric === "number") return big.numeric
    if (big.value !== undefined) return Number(big.value)
    return Number(big.valueOf())
  }
  return Number.NaN
}

/** The variants bought (an order's quantities come back in another shape than a cart's). */
const itemKey = (items: Row[]) => [...new Set(items.map((item) => String(item.variant_id)))].sort().join(",")

async function graph(container: MedusaContainer, entity: string, fields: string[], filters: Row): Promise<Row[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity, fields, filters } as any)
  return data as Row[]
}

/** Reservations the order's items lack, with the sales channel's locations (as Medusa computes them). */
async function missingReservations(container: MedusaContainer, order: Row): Promise<{ items: MissingReservation[]; short: string[] }> {
  const items: Row[] = order.items ?? []
  if (!items.length) return { items: [], short: [] }
  const inventory = container.resolve(Modules.INVENTORY)
  const existing = await inventory.listReservationItems({ line_item_id: items.map((item) => item.id) }, { select: ["line_item_id"] })
  const reserved = new Set(existing.map((reservation) => reservation.line_item_id))
  const locations = order.sales_channel_id
    ? (await graph(container, "sales_channel", ["id", "stock_locations.id"], { id: order.sales_channel_id }))[0]?.stock_locations ?? []
    : []
  const locationIds: string[] = locations.map((location: Row) => location.id)
  const missing: MissingReservation[] = []
  const short: string[] = []
  for (const item of items) {
    const variant = item.variant
    if (reserved.has(item.id) || !variant?.manage_inventory) continue
    for (const link of variant.inventory_items ?? []) {
      const required = toNumber(link.required_quantity ?? 1)
      const needed = required * toNumber(item.quantity)
      // Medusa reserves at a location of the order's sales channel with enough on hand.
      const available = (link.inventory?.location_levels ?? [])
        .filter((level: Row) => locationIds.includes(level.location_id))
        .some((level: Row) => toNumber(level.stocked_quantity) - toNumber(level.reserved_quantity) >= needed)
      if (!available && !variant.allow_backorder) {
        const levels = (link.inventory?.location_levels ?? [])
          .map((level: Row) => `${level.location_id}${locationIds.includes(level.location_id) ? "" : "(other channel)"} ${toNumber(level.stocked_quantity)}/${toNumber(level.reserved_quantity)}`)
          .join("; ")
        short.push(`${item.variant_id} (needs ${needed}; on hand/reserved: ${levels || "no stock level"})`)
      }
      missing.push({
        id: item.id,
        inventory_item_id: link.inventory_item_id,
        required_quantity: required,
        allow_backorder: !!variant.allow_backorder,
        quantity: toNumber(item.quantity),
        location_ids: locationIds,
      })
    }
  }
  return { items: missing, short }
}

export async function planCheckoutRepair(container: MedusaContainer, attemptId: string): Promise<CheckoutRepairPlan> {
  const journal = container.resolve<CheckoutJournalModuleService>(CHECKOUT_JOURNAL_MODULE)
  const attempt = await journal.retrieveCheckoutAttempt(attemptId)
  const base = {
    attempt_id: attempt.id,
    cart_id: attempt.cart_id,
    order_id: null,
    remove_order_ids: [] as string[],
    missing_links: { cart: false, payment_collection: false },
    payment_collection_id: null,
    complete_cart: false,
    reservations: [] as MissingReservation[],
    session_id: null,
    announce: false,
  }
  const [cart] = await graph(
    container,
    "cart",
    [
      "id",
      "completed_at",
      "customer_id",
      "email",
      "items.variant_id",
      "items.quantity",
      "payment_collection.id",
      "payment_collection.payment_sessions.id",
      "payment_collection.payment_sessions.status",
      "payment_collection.payments.id",
      "payment_collection.payments.canceled_at",
    ],
    { id: attempt.cart_id }
  )
  if (!cart) return { ...base, action: "abandoned", note: "购物车已不存在 / the cart is gone" }

  const [linked] = await graph(container, "order_cart", ["order_id"], { cart_id: cart.id })
  const orderFields = [
    "id",
    "status",
    "created_at",
    "customer_id",
    "email",
    "sales_channel_id",
    // "items.*", not single fields: the order module computes an item's quantity from its detail only then.
    "items.*",
    "items.variant.manage_inventory",
    "items.variant.allow_backorder",
    "items.variant.inventory_items.inventory_item_id",
    "items.variant.inventory_items.required_quantity",
    "items.variant.inventory_items.inventory.location_levels.location_id",
    "items.variant.inventory_items.inventory.location_levels.stocked_quantity",
    "items.variant.inventory_items.inventory.location_levels.reserved_quantity",
  ]
  // Orders of this buyer, from around the attempt, with the cart's items, that no cart points to:
  // what a completion cut off between creating the order and linking it leaves.
  const started = new Date(attempt.started_at).getTime()
  const candidates = await graph(container, "order", orderFields, {
    ...(cart.customer_id ? { customer_id: cart.customer_id } : { email: cart.email }),
    is_draft_order: false,
    created_at: { $gte: new Date(started - ORPHAN_WINDOW_BEFORE_MS), $lte: new Date(started + ORPHAN_WINDOW_AFTER_MS) },
  })
  const candidateIds = candidates.map((order) => order.id)
  const withCart = new Set(
    candidateIds.length ? (await graph(container, "order_cart", ["order_id"], { order_id: candidateIds })).map((row) => row.order_id) : []
  )
  const cartItems = itemKey(cart.items ?? [])
  const orphans = candidates
    .filter((order) => !withCart.has(order.id) && order.status !== "canceled" && itemKey(order.items ?? []) === cartItems)
    .sort((a, b) => String(b.created_at).localeCompare(String(a.created_at)))

  const collection = cart.payment_collection
  const payments: Row[] = (collection?.payments ?? []).filter((payment: Row) => !payment.canceled_at)
  let order: Row | undefined
  if (linked?.order_id) {
    order = (await graph(container, "order", orderFields, { id: linked.order_id }))[0]
  } else if (orphans.length) {
    order = orphans[0]
  }
  const removeOrderIds = orphans.filter((orphan) => orphan.id !== order?.id).map((orphan) => orphan.id)
  if (!order) {
    return {
      ...base,
      action: "abandoned",
      note: `订单创建前中断，买家可重新下单 / cut off before the order was created; the buyer may order again (${candidates.length} order(s) of the buyer around then, ${candidates.length - withCart.size} without a cart)`,
    }
  }

  const [collectionLink] = collection?.id ? await graph(container, "order_payment_collection", ["order_id"], { payment_collection_id: collection.id }) : []
  const reservations = await missingReservations(container, order)
  const common = {
    ...base,
    order_id: order.id as string,
    remove_order_ids: removeOrderIds,
    missing_links: { cart: !linked?.order_id, payment_collection: !!collection?.id && !collectionLink },
    payment_collection_id: collection?.id ?? null,
    complete_cart: !cart.completed_at,
  }
  if (order.status === "canceled") return { ...common, action: "completed", note: "订单已取消 / the order was cancelled" }
  const finishedByAnother = (await journal.listCheckoutAttempts({ cart_id: cart.id, status: "completed", order_id: order.id }, { select: ["id"] })).length > 0
  if (payments.length && !reservations.items.length) {
    return {
      ...common,
      action: "completed",
      announce: !finishedByAnother,
      note: finishedByAnother
        ? "订单已由后续提交完成 / a later completion of the cart placed the order"
        : "订单已付款，仅补记结果 / the order was placed and paid; only the record was left open",
    }
  }
  if (reservations.short.length) {
    // Placed, then cancelled: subscribers (supplier links, notifications) see both, as for any order.
    return { ...common, action: "cancel", announce: !finishedByAnother, note: `库存不足，取消中断的订单 / out of stock for ${reservations.short.join(", ")}: the cut-off order is cancelled` }
  }
  const session = (collection?.payment_sessions ?? []).find((s: Row) => s.id === attempt.payment_session_id) ?? collection?.payment_sessions?.[0]
  return {
    ...common,
    action: "roll_forward",
    reservations: reservations.items,
    session_id: payments.length ? null : (session?.id ?? null),
    announce: !finishedByAnother,
    note: "补全中断的下单 / finished the cut-off order",
  }
}

/** Read-only: decides what to do (the other steps do it). */
export const inspectCheckoutAttemptStep = createStep("inspect-checkout-attempt", async (input: { attempt_id: string }, { container }) => {
  return new StepResponse(await planCheckoutRepair(container, input.attempt_id))
})
