import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import type { MemberRole } from "../lib/organization-rules"
import { approvalCartLock, LOCK_TIMEOUT, LOCK_TTL } from "./locks"
import { decideApprovalRequestStep } from "./steps/decide-approval-request"

export interface DecideApprovalRequestWorkflowInput {
  request_id: string
  /** The request's cart (read before, for the lock; the step checks the request again under it). */
  cart_id: string
  organization_id: string
  decider: { member_id: string; email: string | null; role: MemberRole }
  comment?: string | null
}

const decisionWorkflow = (name: string, decision: "approved" | "rejected") =>
  createWorkflow(name, (input: DecideApprovalRequestWorkflowInput) => {
    acquireLockStep(transform({ input }, ({ input }) => ({ key: approvalCartLock(input.cart_id), timeout: LOCK_TIMEOUT, ttl: LOCK_TTL })))
    const decided = decideApprovalRequestStep(
      transform({ input }, ({ input }) => ({
        request_id: input.request_id,
        organization_id: input.organization_id,
        decider: input.decider,
        decision,
        comment: input.comment ?? null,
      }))
    )
    releaseLockStep(transform({ input }, ({ input }) => ({ key: approvalCartLock(input.cart_id) })))
    return new WorkflowResponse(transform({ decided }, ({ decided }) => decided.after))
  })

/** 审批通过: an approver or admin approves a pending request (locked per cart). */
export const approveApprovalRequestWorkflow = decisionWorkflow("procurement-approve-approval-request", "approved")

/** 驳回: an approver or admin rejects a pending request with a comment (locked per cart). */
export const rejectApprovalRequestWorkflow = decisionWorkflow("procurement-reject-approval-request", "rejected")
