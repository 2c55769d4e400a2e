import type { MedusaContainer, OrderDetailDTO } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { getLastFulfillmentStatus, getLastPaymentStatus } from "@medusajs/medusa/core-flows"
import type { OrderSnapshot } from "../../lib/progress"
import { enrichOrderSnapshot } from "../../lib/progress-extensions"

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
  "email",
  "currency_code",
  "created_at",
  "canceled_at",
  "items.*",
  "items.detail.*",
  "payment_collections.*",
  "payment_collections.payments.*",
  "payment_collections.payments.refunds.*",
  "fulfillments.*",
  "returns.*",
  "returns.items.*",
  "order_acceptance.*",
]

type Time = Date | string | null | undefined

interface QueriedPayment {
  captured_at?: Time
  canceled_at?: Time
  refunds?: ({ id: string; amount: unknown; created_at: Time; note?: string | null } | null)[] | null
}

interface QueriedReturn {
  id: string
  status: string
  created_at: Time
  received_at?: Time
  canceled_at?: Time
  items?: ({ quantity?: unknown; received_quantity?: unknown } | null)[] | null
}

/** The part of the queried order this file reads (the rest goes to Medusa's status aggregation). */
interface QueriedOrder {
  id: string
  display_id?: number | null
  status: string
  customer_id?: string | null
  email?: string | null
  created_at: Time
  canceled_at?: Time
  currency_code?: string | null
  payment_collections?: ({ payments?: (QueriedPayment | null)[] | null } | null)[] | null
  returns?: (QueriedReturn | null)[] | null
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
  return enrichOrderSnapshot(container, {
    id: order.id,
    display_id: order.display_id ?? null,
    email: order.email ?? null,
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
    refunds: (order.payment_collections ?? [])
      .flatMap((collection) => collection?.payments ?? [])
      .flatMap((payment) => payment?.refunds ?? [])
      .filter((refund): refund is NonNullable<typeof refund> => !!refund)
      .map((refund) => ({ id: refund.id, amount: Number(refund.amount), created_at: refund.created_at, note: refund.note ?? null })),
    returns: (order.returns ?? [])
      .filter((item): item is QueriedReturn => !!item)
      .map((item) => ({
        id: item.id,
        status: item.status,
        created_at: item.created_at,
        received_at: item.received_at ?? null,
        canceled_at: item.canceled_at ?? null,
        quantity: (item.items ?? []).reduce((sum, line) => sum + Number(line?.received_quantity ?? line?.quantity ?? 0), 0),
      })),
    currency_code: order.currency_code ?? null,
    acceptance: acceptance ? { id: acceptance.id, accepted_at: acceptance.accepted_at, note: acceptance.note ?? null } : null,
  })
}
