import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { cancelOrderWorkflow } from "@medusajs/medusa/core-flows"
import { validateOrderCancellationStep } from "./steps/validate-order-cancellation"

export interface CancelCustomerOrderWorkflowInput {
  order_id: string
  /** The logged-in customer; only the order's own customer may cancel it. */
  customer_id: string
}

export const cancelCustomerOrderWorkflowId = "cancel-customer-order"

/**
 * The buyer cancels (取消订单) before anything ships. Medusa's own cancellation does the work:
 * it refunds captured payments through the provider that took them, cancels uncaptured ones
 * (a bank transfer not received, pay-on-acceptance, an uncaptured card), releases the stock
 * reservations and emits `order.canceled`; its steps compensate themselves on failure.
 */
export const cancelCustomerOrderWorkflow = createWorkflow(cancelCustomerOrderWorkflowId, (input: CancelCustomerOrderWorkflowInput) => {
  const order = validateOrderCancellationStep({ order_id: input.order_id, customer_id: input.customer_id })
  cancelOrderWorkflow.runAsStep({
    input: transform({ order, input }, ({ order, input }) => ({ order_id: order.order_id, canceled_by: input.customer_id })),
  })
  return new WorkflowResponse(order)
})
