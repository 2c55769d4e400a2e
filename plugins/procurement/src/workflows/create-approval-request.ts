import { Modules } from "@medusajs/framework/utils"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, createRemoteLinkStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { pickFields } from "../lib/audit"
import { APPROVAL_AUDIT_FIELDS } from "../lib/approval-view"
import { APPROVAL_MODULE } from "../modules/approval"
import { approvalCartLock, LOCK_TIMEOUT, LOCK_TTL } from "./locks"
import { createApprovalRequestStep } from "./steps/create-approval-request"
import { prepareApprovalRequestStep } from "./steps/prepare-approval-request"
import { recordAuditStep } from "./steps/record-audit"
import { supersedeApprovalRequestsStep } from "./steps/supersede-approval-requests"

export interface CreateApprovalRequestWorkflowInput {
  cart_id: string
  /** The signed-in customer: the cart must be theirs. */
  customer_id: string
  note?: string | null
}

/**
 * 提交审批申请: a member asks for approval of a cart above their limits or the budget. Locked per
 * cart → check (own cart, approval needed, nothing pending or covering) → an approval for a
 * lower total is superseded → the pending request → request ↔ cart link → audit entries.
 */
export const createApprovalRequestWorkflow = createWorkflow(
  "procurement-create-approval-request",
  (input: CreateApprovalRequestWorkflowInput) => {
    acquireLockStep(transform({ input }, ({ input }) => ({ key: approvalCartLock(input.cart_id), timeout: LOCK_TIMEOUT, ttl: LOCK_TTL })))
    const prepared = prepareApprovalRequestStep(input)
    supersedeApprovalRequestsStep(transform({ prepared }, ({ prepared }) => prepared.supersede_ids))
    const request = createApprovalRequestStep(transform({ prepared }, ({ prepared }) => prepared.request))
    createRemoteLinkStep(
      transform({ request }, ({ request }) => [
        { [APPROVAL_MODULE]: { approval_request_id: request.id }, [Modules.CART]: { cart_id: request.cart_id } },
      ])
    )
    recordAuditStep(
      transform({ input, prepared, request }, ({ input, prepared, request }) => ({
        entries: [
          ...prepared.supersede_ids.map((id) => ({
            actor_type: "customer" as const,
            actor_id: input.customer_id,
            organization_id: prepared.request.organization_id,
            entity_type: "approval_request",
            entity_id: id,
            action: "approval.superseded",
            before: { id, status: "approved" },
            after: { id, status: "superseded", superseded_by: request.id },
          })),
          {
            actor_type: "customer" as const,
            actor_id: input.customer_id,
            organization_id: request.organization_id,
            entity_type: "approval_request",
            entity_id: request.id,
            action: "approval.created",
            before: null,
            after: pickFields(request as unknown as Record<string, unknown>, APPROVAL_AUDIT_FIELDS),
          },
        ],
      }))
    )
    releaseLockStep(transform({ input }, ({ input }) => ({ key: approvalCartLock(input.cart_id) })))
    return new WorkflowResponse(request)
  }
)
