import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { approvals } from "../../lib/approval-service"
import { APPROVAL_MESSAGES } from "../../lib/messages"
import { organizations } from "../../lib/organization-service"
import type { MemberRole } from "../../lib/organization-rules"
import { mayDecideApprovals, selfDecisionAllowed } from "../../lib/approval-rules"

export interface DecideApprovalRequestStepInput {
  request_id: string
  /** The caller's organisation: the request must belong to it (404 otherwise). */
  organization_id: string
  decider: { member_id: string; email: string | null; role: MemberRole }
  decision: "approved" | "rejected"
  comment?: string | null
}

interface Previous {
  id: string
  status: "pending"
  decided_by_member_id: null
  decided_by_email: null
  decided_at: null
  comment: string | null
}

/**
 * An approver or admin approves or rejects a pending request of their organisation: 404 for
 * another organisation's, 403 for a purchaser or for one's own request while someone else could
 * decide, 409 when decided already. Undone by making it pending again.
 */
export const decideApprovalRequestStep = createStep(
  "procurement-decide-approval-request",
  async (input: DecideApprovalRequestStepInput, { container }) => {
    const service = approvals(container)
    const [request] = await service.listApprovalRequests({ id: input.request_id, organization_id: input.organization_id }, { take: 1 })
    if (!request) throw new MedusaError(MedusaError.Types.NOT_FOUND, APPROVAL_MESSAGES.request_not_found(input.request_id))
    if (!mayDecideApprovals(input.decider.role)) throw new MedusaError(MedusaError.Types.FORBIDDEN, APPROVAL_MESSAGES.approver_only)
    if (request.status !== "pending") throw new MedusaError(MedusaError.Types.CONFLICT, APPROVAL_MESSAGES.not_pending(request.status))
    if (request.requested_by_member_id === input.decider.member_id) {
      const deciders = await organizations(container).listOrganizationMembers(
        { organization_id: input.organization_id, role: ["approver", "admin"] },
        { select: ["id"] }
      )
      if (!selfDecisionAllowed(deciders.map((m) => m.id), input.decider.member_id)) {
        throw new MedusaError(MedusaError.Types.FORBIDDEN, APPROVAL_MESSAGES.own_request)
      }
    }
    const previous: Previous = {
      id: request.id,
      status: "pending",
      decided_by_member_id: null,
      decided_by_email: null,
      decided_at: null,
      comment: request.comment ?? null,
    }
    const updated = await service.updateApprovalRequests({
      id: request.id,
      status: input.decision,
      decided_by_member_id: input.decider.member_id,
      decided_by_email: input.decider.email,
      decided_at: new Date(),
      comment: input.comment?.trim() || null,
    })
    return new StepResponse({ before: request, after: updated }, previous)
  },
  async (previous, { container }) => {
    if (previous) await approvals(container).updateApprovalRequests(previous)
  }
)
