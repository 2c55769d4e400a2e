import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { approvals } from "../../lib/approval-service"
import type { PreparedApprovalRequest } from "./prepare-approval-request"

/** Stores the pending request. Undone by deleting it. */
export const createApprovalRequestStep = createStep(
  "procurement-create-approval-request",
  async (input: PreparedApprovalRequest["request"], { container }) => {
    const created = await approvals(container).createApprovalRequests({ ...input, reasons: input.reasons as unknown as Record<string, unknown>, status: "pending" })
    return new StepResponse(created, created.id)
  },
  async (id, { container }) => {
    if (id) await approvals(container).deleteApprovalRequests(id)
  }
)
