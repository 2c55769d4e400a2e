import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { pickFields } from "../lib/audit"
import { APPROVAL_AUDIT_FIELDS } from "../lib/approval-view"
import type { MemberRole } from "../lib/organization-rules"
import { approvalCartLock, LOCK_TIMEOUT, LOCK_TTL } from "./locks"
import { decideApprovalRequestStep } from "./steps/decide-approval-request"
import { recordAuditStep } from "./steps/record-audit"

export interface DecideApprovalRequestWorkflowInput {
  request_id: string
  /** The request's cart (read before, for the lock; the step checks the request again under it). */
  cart_id: string
  organization_id: string
  decider: { member_id: string; email: string | null; role: MemberRole }
  /** The deciding customer, for the audit log. */
  actor_customer_id: string
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
    recordAuditStep(
      transform({ input, decided }, ({ input, decided }) => ({
        entries: [
          {
            actor_type: "customer" as const,
            actor_id: input.actor_customer_id,
            organization_id: input.organization_id,
            entity_type: "approval_request",
            entity_id: input.request_id,
            action: `approval.${decision}`,
            before: pickFields(decided.before as unknown as Record<string, unknown>, APPROVAL_AUDIT_FIELDS),
            after: pickFields(decided.after as unknown as Record<string, unknown>, APPROVAL_AUDIT_FIELDS),
          },
        ],
      }))
    )
    releaseLockStep(transform({ input }, ({ input }) => ({ key: approvalCartLock(input.cart_id) })))
    return new WorkflowResponse(transform({ decided }, ({ decided }) => decided.after))
  })

/** 审批通过: an approver or admin approves a pending request (locked per cart). */
export const approveApprovalRequestWorkflow = decisionWorkflow("procurement-approve-approval-request", "approved")

/** 驳回: an approver or admin rejects a pending request with a comment (locked per cart). */
export const rejectApprovalRequestWorkflow = decisionWorkflow("procurement-reject-approval-request", "rejected")
