import type { MedusaContainer, OrderDetailDTO } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { getLastFulfillmentStatus, getLastPaymentStatus } from "@medusajs/medusa/core-flows"
import type { OrderSnapshot } from "../../lib/progress"

/**
 * What the timeline reads: Medusa's own order, payment and fulfillment data (the aggregate
 * statuses are computed the way Medusa's order routes compute them) and the acceptance
 * reached through the order↔acceptance link.
 */
export const ORDER_SNAPSHOT_FIELDS = [
  "id",
  "display_id",
  "status",
  "customer_id",
  "currency_code",
  "created_at",
  "canceled_at",
  "items.*",
  "items.detail.*",
  "payment_collections.*",
  "payment_collections.payments.*",
  "fulfillments.*",
  "order_acceptance.*",
]

type Time = Date | string | null | undefined

/** The part of the queried order this file reads (the rest goes to Medusa's status aggregation). */
interface QueriedOrder {
  id: string
  display_id?: number | null
  status: string
  customer_id?: string | null
  created_at: Time
  canceled_at?: Time
  payment_collections?: ({ payments?: ({ captured_at?: Time; canceled_at?: Time } | null)[] | null } | null)[] | null
  fulfillments?: ({ shipped_at?: Time; delivered_at?: Time; canceled_at?: Time } | null)[] | null
  order_acceptance?: { id: string; accepted_at: Time; note?: string | null } | null
}

/**
 * The logged-in customer's order, or a 404 — also when the order exists but belongs to someone
 * else, so that order ids of other buyers cannot be probed.
 */
export async function loadCustomerOrder(
  container: MedusaContainer,
  input: { order_id: string; customer_id: string }
): Promise<OrderSnapshot> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ORDER_SNAPSHOT_FIELDS,
    filters: { id: input.order_id, customer_id: input.customer_id, is_draft_order: false },
  })
  const order = data[0] as unknown as QueriedOrder | undefined
  if (!order) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `订单不存在 / Order ${input.order_id} was not found`)
  }
  const detail = order as unknown as OrderDetailDTO
  const acceptance = order.order_acceptance
  return {
    id: order.id,
    display_id: order.display_id ?? null,
    status: order.status,
    customer_id: order.customer_id ?? null,
    created_at: order.created_at,
    canceled_at: order.canceled_at ?? null,
    payment_status: getLastPaymentStatus(detail),
    fulfillment_status: getLastFulfillmentStatus(detail),
    payments: (order.payment_collections ?? []).flatMap((collection) =>
      (collection?.payments ?? []).map((payment) => ({ captured_at: payment?.captured_at, canceled_at: payment?.canceled_at }))
    ),
    all_items_fulfilled: (detail.items ?? []).every(
      (item) => item && Number(item.detail?.fulfilled_quantity ?? 0) >= Number(item.quantity ?? 0)
    ),
    fulfillments: (order.fulfillments ?? []).map((fulfillment) => ({
      shipped_at: fulfillment?.shipped_at,
      delivered_at: fulfillment?.delivered_at,
      canceled_at: fulfillment?.canceled_at,
    })),
    acceptance: acceptance ? { id: acceptance.id, accepted_at: acceptance.accepted_at, note: acceptance.note ?? null } : null,
  }
}
