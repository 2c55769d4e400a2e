import { model } from "@medusajs/framework/utils"

/**
 * CheckoutAttempt: one run of Medusa's cart completion, written before the order exists and
 * closed when it ends. A backend killed in between (no compensation runs then) leaves the
 * attempt `pending`; the repair job finds it after a grace period and finishes or undoes what
 * the run left: an order without its reservation, links or payment, or a payment without an order.
 */
export const CheckoutAttempt = model
  .define("checkout_attempt", {
    id: model.id({ prefix: "chka" }).primaryKey(),
    cart_id: model.text().index(),
    customer_id: model.text().nullable(),
    email: model.text().nullable(),
    payment_session_id: model.text().nullable(),
    provider_id: model.text().nullable(),
    /**
     * pending: running (or cut off); completed: the order was placed; failed: Medusa refused and
     * compensated; repaired: the repair finished an order cut off before its payment; canceled:
     * the repair could not authorise the payment and cancelled the cut-off order; rolled_back: a
     * cut-off order was removed because a retry placed another; abandoned: cut off before any order.
     */
    status: model.enum(["pending", "completed", "failed", "repaired", "canceled", "rolled_back", "abandoned"]).default("pending").index(),
    order_id: model.text().nullable(),
    started_at: model.dateTime(),
    resolved_at: model.dateTime().nullable(),
    /** What the repair did, for the operator. */
    note: model.text().nullable(),
  })
