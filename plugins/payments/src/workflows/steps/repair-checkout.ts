import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { CheckoutAttemptStatus } from "../../lib/checkout-journal"
import { closeCheckoutAttempt } from "../../lib/checkout-journal"
import { CHECKOUT_JOURNAL_MODULE } from "../../modules/checkout-journal"
import type CheckoutJournalModuleService from "../../modules/checkout-journal/service"

/**
 * Removes orders a cut-off completion left that a later completion of the same cart replaced:
 * their reservations (so the stock is free again), their payment collection links and the
 * orders (soft-deleted). Compensation restores all three.
 */
export const removeCutOffOrdersStep = createStep(
  "remove-cut-off-orders",
  async (input: { order_ids: string[] }, { container }) => {
    const orders = container.resolve(Modules.ORDER)
    const inventory = container.resolve(Modules.INVENTORY)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    const { data } = await query.graph({ entity: "order", fields: ["id", "items.id"], filters: { id: input.order_ids } })
    const lineItemIds = data.flatMap((order: any) => (order.items ?? []).map((item: { id: string }) => item.id))
    const reservations = lineItemIds.length ? await inventory.listReservationItems({ line_item_id: lineItemIds }) : []
    const { data: collectionLinks } = await query.graph({
      entity: "order_payment_collection",
      fields: ["order_id", "payment_collection_id"],
      filters: { order_id: input.order_ids },
    })
    const links = collectionLinks.map((row: any) => ({
      [Modules.ORDER]: { order_id: row.order_id },
      [Modules.PAYMENT]: { payment_collection_id: row.payment_collection_id },
    }))
    if (lineItemIds.length) await inventory.deleteReservationItemsByLineItem(lineItemIds)
    if (links.length) await link.dismiss(links)
    await orders.softDeleteOrders(input.order_ids)
    return new StepResponse(input.order_ids, { order_ids: input.order_ids, reservations, links })
  },
  async (removed, { container }) => {
    if (!removed) return
    await container.resolve(Modules.ORDER).restoreOrders(removed.order_ids)
    if (removed.links.length) await container.resolve(ContainerRegistrationKeys.LINK).create(removed.links)
    if (removed.reservations.length) {
      await container.resolve(Modules.INVENTORY).createReservationItems(
        removed.reservations.map((r) => ({
          line_item_id: r.line_item_id,
          inventory_item_id: r.inventory_item_id,
          location_id: r.location_id,
          quantity: r.quantity,
          allow_backorder: r.allow_backorder,
        }))
      )
    }
  }
)

/**
 * Authorises the cut-off order's payment session, as the completion would have last. A refusal
 * (an unpaid Stripe intent, details the provider rejects) is an answer, not an error: the
 * workflow then cancels the order. Compensation cancels a payment it authorised.
 */
export const authorizeCutOffPaymentStep = createStep(
  "authorize-cut-off-payment",
  async (input: { session_id: string }, { container }) => {
    const payments = container.resolve(Modules.PAYMENT)
    try {
      const payment = await payments.authorizePaymentSession(input.session_id, {})
      return new StepResponse({ authorized: !!payment, payment_id: payment?.id ?? null, reason: null as string | null }, payment?.id ?? null)
    } catch (error) {
      return new StepResponse({ authorized: false, payment_id: null, reason: (error as Error).message }, null)
    }
  },
  async (paymentId, { container }) => {
    if (paymentId) await container.resolve(Modules.PAYMENT).cancelPayment(paymentId)
  }
)

/** Closes the attempt with what the repair did; compensation reopens it for the next run. */
export const closeCheckoutAttemptStep = createStep(
  "close-checkout-attempt",
  async (input: { attempt_id: string; status: Exclude<CheckoutAttemptStatus, "pending">; order_id: string | null; note: string }, { container }) => {
    await closeCheckoutAttempt(container, input.attempt_id, input)
    return new StepResponse(input, input.attempt_id)
  },
  async (attemptId, { container }) => {
    if (!attemptId) return
    await container
      .resolve<CheckoutJournalModuleService>(CHECKOUT_JOURNAL_MODULE)
      .updateCheckoutAttempts({ id: attemptId, status: "pending", resolved_at: null, note: null })
  }
)
