import type { OrderDetailDTO } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { getLastPaymentStatus } from "@medusajs/medusa/core-flows"
import { invoiceFromMetadata } from "../../lib/invoice"
import type { ReceiptOrder } from "../../lib/receipt"

export interface LoadOrderReceiptStepInput {
  order_id: string
  customer_id: string
}

/**
 * What the receipt reads: the order with its totals (asking for `total` makes Medusa's order
 * module compute every total, items' and shipping methods' included), the buyer, the invoice
 * details in the metadata, and the payments with their refunds.
 */
export const ORDER_RECEIPT_FIELDS = [
  "id",
  "display_id",
  "status",
  "created_at",
  "canceled_at",
  "email",
  "currency_code",
  "customer_id",
  "metadata",
  "total",
  "item_total",
  "shipping_total",
  "discount_total",
  "credit_line_total",
  "tax_total",
  "items.*",
  "shipping_methods.*",
  "shipping_address.*",
  "customer.first_name",
  "customer.last_name",
  "customer.email",
  "customer.phone",
  "payment_collections.*",
  "payment_collections.payments.*",
  "payment_collections.payments.refunds.*",
]

type Time = Date | string | null | undefined
type Amount = number | string | { numeric?: number } | null | undefined

interface QueriedPayment {
  provider_id: string
  amount: Amount
  currency_code: string
  created_at?: Time
  captured_at?: Time
  canceled_at?: Time
  data?: Record<string, unknown> | null
  refunds?: ({ amount: Amount; created_at?: Time; note?: string | null } | null)[] | null
}

interface QueriedOrder {
  id: string
  display_id?: number | null
  status: string
  created_at: Time
  canceled_at?: Time
  email?: string | null
  currency_code: string
  metadata?: Record<string, unknown> | null
  total: Amount
  item_total: Amount
  shipping_total: Amount
  discount_total: Amount
  credit_line_total: Amount
  tax_total: Amount
  items?: ({ title: string; product_title?: string | null; variant_title?: string | null; quantity: Amount; unit_price: Amount; total: Amount } | null)[] | null
  shipping_methods?: ({ name: string; total: Amount } | null)[] | null
  shipping_address?: ReceiptOrder["shipping_address"]
  customer?: ReceiptOrder["customer"]
  payment_collections?: ({ payments?: (QueriedPayment | null)[] | null } | null)[] | null
}

/** Medusa's BigNumber values arrive as numbers, numeric strings or { numeric }. */
function amount(value: Amount): number {
  if (value === null || value === undefined) return 0
  if (typeof value === "object") return Number(value.numeric ?? 0)
  return Number(value)
}

const iso = (value: Time) => (value ? new Date(value).toISOString() : null)

/**
 * Only the provider data a receipt prints; the rest (a Stripe PaymentIntent's client secret,
 * the platform's bank account) stays out of the workflow's result.
 */
const RECEIPT_PAYMENT_DATA_KEYS = ["id", "reference", "due_at", "holder_name", "last4", "payment_terms_days"] as const

function receiptPaymentData(data: Record<string, unknown> | null | undefined): Record<string, unknown> {
  const picked: Record<string, unknown> = {}
  for (const key of RECEIPT_PAYMENT_DATA_KEYS) if (data?.[key] !== undefined && data?.[key] !== null) picked[key] = data[key]
  const receipt = data?.receipt as { received_at?: unknown } | undefined
  if (receipt?.received_at) picked.receipt = { received_at: receipt.received_at }
  return picked
}

/**
 * The customer's own order for the receipt, or a 404 — also when it belongs to someone else,
 * so other buyers' order ids cannot be probed. Read-only: nothing to compensate.
 */
export const loadOrderReceiptStep = createStep("load-order-receipt", async (input: LoadOrderReceiptStepInput, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ORDER_RECEIPT_FIELDS,
    filters: { id: input.order_id, customer_id: input.customer_id, is_draft_order: false },
  })
  const order = data[0] as unknown as QueriedOrder | undefined
  if (!order) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `订单不存在 / Order ${input.order_id} was not found`)
  }
  const receipt: ReceiptOrder = {
    id: order.id,
    display_id: order.display_id ?? null,
    status: order.status,
    created_at: iso(order.created_at),
    canceled_at: iso(order.canceled_at),
    email: order.email ?? null,
    currency_code: order.currency_code,
    customer: order.customer ?? null,
    shipping_address: order.shipping_address ?? null,
    invoice: invoiceFromMetadata(order.metadata),
    items: (order.items ?? [])
      .filter((item): item is NonNullable<typeof item> => !!item)
      .map((item) => ({
        title: item.product_title || item.title,
        variant_title: item.variant_title ?? null,
        quantity: amount(item.quantity),
        unit_price: amount(item.unit_price),
        total: amount(item.total),
      })),
    shipping_methods: (order.shipping_methods ?? [])
      .filter((method): method is NonNullable<typeof method> => !!method)
      .map((method) => ({ name: method.name, total: amount(method.total) })),
    item_total: amount(order.item_total),
    shipping_total: amount(order.shipping_total),
    discount_total: amount(order.discount_total),
    credit_line_total: amount(order.credit_line_total),
    tax_total: amount(order.tax_total),
    total: amount(order.total),
    payment_status: getLastPaymentStatus(order as unknown as OrderDetailDTO),
    payments: (order.payment_collections ?? []).flatMap((collection) =>
      (collection?.payments ?? [])
        .filter((payment): payment is QueriedPayment => !!payment)
        .map((payment) => ({
          provider_id: payment.provider_id,
          amount: amount(payment.amount),
          currency_code: payment.currency_code,
          created_at: iso(payment.created_at),
          captured_at: iso(payment.captured_at),
          canceled_at: iso(payment.canceled_at),
          data: receiptPaymentData(payment.data),
          refunds: (payment.refunds ?? [])
            .filter((refund): refund is NonNullable<typeof refund> => !!refund)
            .map((refund) => ({ amount: amount(refund.amount), created_at: iso(refund.created_at), note: refund.note ?? null })),
        }))
    ),
  }
  return new StepResponse(receipt)
})
