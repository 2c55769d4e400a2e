import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withConflictMessage } from "@gongwucang/platform/http"
import { publicApprovalRequest } from "../../../../../lib/approval-view"
import type { ApprovalRequestRecord } from "../../../../../lib/spending"
import { createApprovalRequestWorkflow } from "../../../../../workflows/create-approval-request"
import type { StoreCreateApprovalRequestType } from "../../../approvals-validators"

/**
 * POST /store/carts/:id/approval-requests `{ note? }` — asks the organisation's approvers to
 * approve the caller's cart at its current total. 201 `{ approval_request }` (pending); 404 for
 * someone else's cart; 409 when it needs no approval, one is pending, or it is approved already.
 */
export const POST = withConflictMessage(async (req: AuthenticatedMedusaRequest<StoreCreateApprovalRequestType>, res: MedusaResponse) => {
  const { result } = await createApprovalRequestWorkflow(req.scope).run({
    input: { cart_id: req.params.id, customer_id: req.auth_context.actor_id, note: req.validatedBody.note ?? null },
  })
  res.status(201).json({ approval_request: publicApprovalRequest(result as unknown as ApprovalRequestRecord) })
})
