import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { collectAcceptedOrderPaymentsStep } from "./steps/collect-accepted-order-payments"
import { updatePaymentsDataStep } from "./steps/update-payments-data"

export interface SetPayOnAcceptanceDueDatesWorkflowInput {
  order_id: string
  acceptance_id?: string | null
}

export const setPayOnAcceptanceDueDatesWorkflowId = "set-pay-on-acceptance-due-dates"

/**
 * 验收后付款: the order was accepted, so its pay-on-acceptance payments become due N days later.
 * Collect them (read-only) → write accepted_at and due_at into their data (restored on failure).
 * Payments that have a due date already are left alone, so a repeated event changes nothing.
 */
export const setPayOnAcceptanceDueDatesWorkflow = createWorkflow(
  setPayOnAcceptanceDueDatesWorkflowId,
  (input: SetPayOnAcceptanceDueDatesWorkflowInput) => {
    const collected = collectAcceptedOrderPaymentsStep({ order_id: input.order_id, acceptance_id: input.acceptance_id })
    const updated = when({ collected }, ({ collected }) => collected.updates.length > 0).then(() => updatePaymentsDataStep(collected))
    return new WorkflowResponse(transform({ updated }, ({ updated }) => ({ payment_ids: updated ?? [] })))
  }
)
