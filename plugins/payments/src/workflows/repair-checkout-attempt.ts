import type { LinkDefinition } from "@medusajs/framework/types"
import { Modules, OrderWorkflowEvents } from "@medusajs/framework/utils"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  cancelOrderWorkflow,
  createRemoteLinkStep,
  emitEventStep,
  releaseLockStep,
  reserveInventoryStep,
  updateCartsStep,
} from "@medusajs/medusa/core-flows"
import type { CheckoutAttemptStatus } from "../lib/checkout-journal"
import { inspectCheckoutAttemptStep } from "./steps/inspect-checkout-attempt"
import { authorizeCutOffPaymentStep, closeCheckoutAttemptStep, removeCutOffOrdersStep } from "./steps/repair-checkout"

export interface RepairCheckoutAttemptWorkflowInput {
  attempt_id: string
  cart_id: string
}

export const repairCheckoutAttemptWorkflowId = "repair-checkout-attempt"

/**
 * Finishes or undoes a cart completion that a crash cut off (its attempt is still `pending`
 * after the grace period), so that no order lacks its reservation and no payment lacks its
 * order. Holds the cart's lock — the one Medusa's completion takes — so it never races a
 * completion that is still running or retried.
 *
 * inspect → remove replaced cut-off orders → link the order to its cart and payment collection,
 * mark the cart completed → reserve the stock → authorise the payment (last, as Medusa does) →
 * `order.placed` for the order kept (lost with the cut-off run's events) → cancel it if the
 * stock is gone or the payment is refused (Medusa's cancellation releases what it holds and
 * sends `order.canceled`) → close the attempt.
 */
export const repairCheckoutAttemptWorkflow = createWorkflow(repairCheckoutAttemptWorkflowId, (input: RepairCheckoutAttemptWorkflowInput) => {
  acquireLockStep({ key: input.cart_id, timeout: 30, ttl: 120 })
  const plan = inspectCheckoutAttemptStep({ attempt_id: input.attempt_id })

  when("remove-replaced-orders", { plan }, ({ plan }) => plan.remove_order_ids.length > 0).then(() => {
    removeCutOffOrdersStep(transform({ plan }, ({ plan }) => ({ order_ids: plan.remove_order_ids })))
  })

  const keepsOrder = (plan: { action: string }) => plan.action === "roll_forward" || plan.action === "cancel"
  when("link-cut-off-order", { plan }, ({ plan }) => keepsOrder(plan) && (plan.missing_links.cart || plan.missing_links.payment_collection)).then(() => {
    createRemoteLinkStep(
      transform({ plan }, ({ plan }) => {
        const links: LinkDefinition[] = []
        if (plan.missing_links.cart) links.push({ [Modules.ORDER]: { order_id: plan.order_id! }, [Modules.CART]: { cart_id: plan.cart_id } })
        if (plan.missing_links.payment_collection) {
          links.push({ [Modules.ORDER]: { order_id: plan.order_id! }, [Modules.PAYMENT]: { payment_collection_id: plan.payment_collection_id! } })
        }
        return links
      })
    )
  })
  when("complete-cut-off-cart", { plan }, ({ plan }) => keepsOrder(plan) && plan.complete_cart).then(() => {
    updateCartsStep(transform({ plan }, ({ plan }) => [{ id: plan.cart_id, completed_at: new Date() }]))
  })
  when("reserve-cut-off-order", { plan }, ({ plan }) => plan.action === "roll_forward" && plan.reservations.length > 0).then(() => {
    reserveInventoryStep(transform({ plan }, ({ plan }) => ({ items: plan.reservations })))
  })
  const authorization = when("authorize-cut-off-order", { plan }, ({ plan }) => plan.action === "roll_forward" && !!plan.session_id).then(() =>
    authorizeCutOffPaymentStep(transform({ plan }, ({ plan }) => ({ session_id: plan.session_id! })))
  )

  const outcome = transform({ plan, authorization }, ({ plan, authorization }) => {
    const refused = plan.action === "roll_forward" && !!plan.session_id && !authorization?.authorized
    const status: Exclude<CheckoutAttemptStatus, "pending"> =
      plan.action === "roll_forward" ? (refused ? "canceled" : "repaired") : plan.action === "cancel" ? "canceled" : plan.action === "abandoned" ? "abandoned" : "completed"
    const removed = plan.remove_order_ids.length ? `；移除被取代的订单 / removed replaced orders ${plan.remove_order_ids.join(", ")}` : ""
    const note = refused ? `付款未获授权，取消中断的订单 / payment not authorised (${authorization?.reason ?? "refused"}): the cut-off order is cancelled` : plan.note
    return {
      cancel: plan.action === "cancel" || refused,
      // Every order the repair keeps, even one it then cancels, was placed: `order.placed` first.
      placed: plan.announce && (plan.action === "completed" || plan.action === "roll_forward" || plan.action === "cancel"),
      status: plan.action === "completed" && plan.remove_order_ids.length ? ("rolled_back" as const) : status,
      note: `${note}${removed}`,
    }
  })

  when("announce-cut-off-order", { outcome }, ({ outcome }) => outcome.placed).then(() => {
    emitEventStep({ eventName: OrderWorkflowEvents.PLACED, data: transform({ plan }, ({ plan }) => ({ id: plan.order_id })) })
  })
  when("cancel-cut-off-order", { outcome }, ({ outcome }) => outcome.cancel).then(() => {
    cancelOrderWorkflow.runAsStep({ input: transform({ plan }, ({ plan }) => ({ order_id: plan.order_id! })) })
  })

  const closed = closeCheckoutAttemptStep(
    transform({ plan, outcome }, ({ plan, outcome }) => ({ attempt_id: plan.attempt_id, status: outcome.status, order_id: plan.order_id, note: outcome.note }))
  )
  releaseLockStep({ key: input.cart_id })
  return new WorkflowResponse(closed)
})
