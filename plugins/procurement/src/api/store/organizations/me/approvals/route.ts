import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { approvalFilters } from "../../../../../lib/approval-access"
import { approvals } from "../../../../../lib/approval-service"
import { publicApprovalRequest } from "../../../../../lib/approval-view"
import { organizationOf } from "../../../../../lib/organization-context"
import type { ApprovalRequestRecord } from "../../../../../lib/spending"
import type { StoreListApprovalsType } from "../../../approvals-validators"

/**
 * GET /store/organizations/me/approvals?status&limit&offset — newest first: the organisation's
 * requests for approvers and admins, the caller's own for purchasers.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, StoreListApprovalsType>, res: MedusaResponse) {
  const { status, limit, offset } = req.validatedQuery
  const filters = approvalFilters(organizationOf(req))
  if (status) filters.status = status
  const [requests, count] = await approvals(req.scope).listAndCountApprovalRequests(filters, { skip: offset, take: limit, order: { created_at: "DESC" } })
  res.json({ approval_requests: (requests as unknown as ApprovalRequestRecord[]).map(publicApprovalRequest), count, limit, offset })
}
