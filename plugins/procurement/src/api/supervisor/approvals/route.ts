import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listSupervisedApprovals } from "../../../lib/supervision-approvals"
import type { SupervisorApprovalsQueryType } from "../validators"

/**
 * GET /supervisor/approvals?organization_id&supplier_id&category_id&status&from&to&limit&offset —
 * approval requests (审批) of every buyer organisation, newest first:
 * `{ approval_requests, count, limit, offset, summary: { count, total_amount, currency_code, by_status } }`.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, SupervisorApprovalsQueryType>, res: MedusaResponse) {
  const { limit, offset, ...filters } = req.validatedQuery
  const { approval_requests, summary } = await listSupervisedApprovals(req.scope, filters, { limit, offset })
  res.json({ approval_requests, count: summary.count, limit, offset, summary })
}
