import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withConflictMessage } from "@gongwucang/platform/http"
import { approveApprovalRequestWorkflow, rejectApprovalRequestWorkflow } from "../workflows/decide-approval-request"
import { visibleApprovalRequest } from "./approval-access"
import { publicApprovalRequest } from "./approval-view"
import { memberView } from "./members-query"
import { organizationOf } from "./organization-context"
import type { ApprovalRequestRecord } from "./spending"

/** The approve and reject routes: the same apart from the workflow. */
export function decisionRoute(decision: "approve" | "reject") {
  const workflow = decision === "approve" ? approveApprovalRequestWorkflow : rejectApprovalRequestWorkflow
  return withConflictMessage(async (req: AuthenticatedMedusaRequest<{ comment?: string | null }>, res: MedusaResponse) => {
    const context = organizationOf(req)
    const request = await visibleApprovalRequest(req.scope, context, req.params.id)
    const view = await memberView(req.scope, context.organization.id, context.member.id)
    const { result } = await workflow(req.scope).run({
      input: {
        request_id: request.id,
        cart_id: request.cart_id,
        organization_id: context.organization.id,
        decider: { member_id: context.member.id, email: view?.email ?? null, role: context.member.role },
        actor_customer_id: req.auth_context.actor_id,
        comment: req.validatedBody.comment ?? null,
      },
    })
    res.json({ approval_request: publicApprovalRequest(result as unknown as ApprovalRequestRecord) })
  })
}
