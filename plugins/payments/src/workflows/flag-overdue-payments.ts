import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { collectOverduePaymentsStep } from "./steps/collect-overdue-payments"
import { updatePaymentsDataStep } from "./steps/update-payments-data"

export interface FlagOverduePaymentsWorkflowInput {
  /** The moment to compare due dates with (ISO); the job passes the current time. */
  now: string
}

export const flagOverduePaymentsWorkflowId = "flag-overdue-pay-on-acceptance-payments"

/**
 * Flags pay-on-acceptance payments past their due date and not paid: collect them (read-only) →
 * set `overdue: true` in their data (restored on failure). Flagged ones are not flagged again.
 */
export const flagOverduePaymentsWorkflow = createWorkflow(flagOverduePaymentsWorkflowId, (input: FlagOverduePaymentsWorkflowInput) => {
  const collected = collectOverduePaymentsStep({ now: input.now })
  const updated = when({ collected }, ({ collected }) => collected.updates.length > 0).then(() => updatePaymentsDataStep(collected))
  return new WorkflowResponse(transform({ updated }, ({ updated }) => ({ payment_ids: updated ?? [] })))
})
