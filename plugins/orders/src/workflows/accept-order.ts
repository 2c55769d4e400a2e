import { Modules } from "@medusajs/framework/utils"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createRemoteLinkStep, emitEventStep } from "@medusajs/medusa/core-flows"
import { ACCEPTANCE_MODULE } from "../modules/acceptance"
import { createOrderAcceptanceStep } from "./steps/create-order-acceptance"
import { validateOrderAcceptanceStep } from "./steps/validate-order-acceptance"

export const OrderAcceptanceEvents = {
  /** Data: { id: order id, acceptance_id, customer_id }. */
  ACCEPTED: "order.accepted",
} as const

export interface AcceptOrderWorkflowInput {
  order_id: string
  /** The logged-in customer; only the order's own customer may accept it. */
  customer_id: string
  note?: string | null
}

export const acceptOrderWorkflowId = "accept-order"

/**
 * 验收: the buyer confirms a delivered order. Validate → create the acceptance record (deleted
 * again on failure) → link it to the order (link dismissed on failure) → emit `order.accepted`.
 */
export const acceptOrderWorkflow = createWorkflow(acceptOrderWorkflowId, (input: AcceptOrderWorkflowInput) => {
  const order = validateOrderAcceptanceStep({ order_id: input.order_id, customer_id: input.customer_id })

  const acceptance = createOrderAcceptanceStep(
    transform({ order, input }, ({ order, input }) => ({
      order_id: order.order_id,
      customer_id: order.customer_id,
      note: input.note?.trim() || null,
    }))
  )

  createRemoteLinkStep(
    transform({ acceptance }, ({ acceptance }) => [
      {
        [Modules.ORDER]: { order_id: acceptance.order_id },
        [ACCEPTANCE_MODULE]: { order_acceptance_id: acceptance.id },
      },
    ])
  )

  emitEventStep({
    eventName: OrderAcceptanceEvents.ACCEPTED,
    data: transform({ acceptance }, ({ acceptance }) => ({
      id: acceptance.order_id,
      acceptance_id: acceptance.id,
      customer_id: acceptance.customer_id,
    })),
  })

  return new WorkflowResponse(acceptance)
})
