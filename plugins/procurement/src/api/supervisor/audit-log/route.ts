import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listAuditEntries } from "../../../lib/audit"
import type { AuditLogQueryType } from "../../admin/procurement/validators"

/**
 * GET /supervisor/audit-log?entity_type&entity_id&organization_id&actor_type&actor_id&action&from&to&limit&offset
 * — every state change in the procurement plugin (审计日志), newest first, as the operator sees it:
 * `{ entries, count, limit, offset }`.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AuditLogQueryType>, res: MedusaResponse) {
  const { limit, offset } = req.validatedQuery
  const { entries, count } = await listAuditEntries(req.scope, req.validatedQuery)
  res.json({ entries, count, limit, offset })
}
