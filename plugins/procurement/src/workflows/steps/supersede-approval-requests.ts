import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { approvals } from "../../lib/approval-service"

/**
 * Marks approvals that no longer cover their cart (its total rose) as superseded by the new
 * request. Undone by marking them approved again.
 */
export const supersedeApprovalRequestsStep = createStep(
  "procurement-supersede-approval-requests",
  async (ids: string[], { container }) => {
    if (!ids.length) return new StepResponse([] as string[], [] as string[])
    await approvals(container).updateApprovalRequests(ids.map((id) => ({ id, status: "superseded" as const })))
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (ids?.length) await approvals(container).updateApprovalRequests(ids.map((id) => ({ id, status: "approved" as const })))
  }
)
