import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { visibleApprovalRequest } from "../../../../../../lib/approval-access"
import { publicApprovalRequest } from "../../../../../../lib/approval-view"
import { organizationOf } from "../../../../../../lib/organization-context"

/** GET /store/organizations/me/approvals/:id — `{ approval_request }`; 404 when not the caller's to see. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ approval_request: publicApprovalRequest(await visibleApprovalRequest(req.scope, organizationOf(req), req.params.id)) })
}
